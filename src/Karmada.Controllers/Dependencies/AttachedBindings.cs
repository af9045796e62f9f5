using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using Karmada.Api;
using Karmada.Api.Meta;
using Karmada.Api.WellKnown;
using Karmada.Api.Work.V1Alpha2;
using Karmada.Client;
using Karmada.Controllers.Detector;
using PolicyV1Alpha1 = Karmada.Api.Policy.V1Alpha1;

namespace Karmada.Controllers.Dependencies;

/// <summary>
/// Pure rules of attached (dependency) bindings (upstream <c>dependencies_distributor.go</c>): the depended-by label
/// naming the independent binding, the <c>requiredBy</c> snapshot, and how an attached binding is built and merged.
/// </summary>
public static class AttachedBindings
{
    // apimachinery's rand.SafeEncodeString alphabet: no vowels, no look-alike characters.
    private const string SafeAlphabet = "bcdfghjklmnpqrstvwxz2456789";

    /// <summary>
    /// The label an attached binding carries for each independent binding requiring it:
    /// <c>resourcebinding.karmada.io/depended-by-&lt;safe-encoded FNV-1a of "namespace/name"&gt;</c>.
    /// </summary>
    public static string DependedByLabel(string @namespace, string name)
    {
        var key = string.IsNullOrEmpty(@namespace) ? name : $"{@namespace}/{name}";
        var hash = 2166136261u;
        foreach (var b in Encoding.UTF8.GetBytes(key))
        {
            hash = unchecked((hash ^ b) * 16777619u);
        }

        var encoded = new StringBuilder();
        foreach (var c in hash.ToString(CultureInfo.InvariantCulture))
        {
            encoded.Append(SafeAlphabet[c % SafeAlphabet.Length]);
        }

        return WellKnownLabels.ResourceBindingDependedByPrefix + encoded;
    }

    /// <summary>The independent binding as an attached binding's <c>requiredBy</c> entry: its identity and its scheduled clusters.</summary>
    public static BindingSnapshot Snapshot(ResourceBinding independent)
    {
        ArgumentNullException.ThrowIfNull(independent);
        return new BindingSnapshot
        {
            Namespace = independent.Metadata.Namespace,
            Name = independent.Metadata.Name ?? string.Empty,
            Clusters = [.. independent.Spec.Clusters.Select(c => c.DeepClone())],
        };
    }

    /// <summary>A new attached binding for <paramref name="dependency"/>, owned by it and required by <paramref name="independent"/>.</summary>
    public static ResourceBinding Build(JsonObject dependency, ResourceBinding independent)
    {
        ArgumentNullException.ThrowIfNull(dependency);
        ArgumentNullException.ThrowIfNull(independent);
        var kind = (string?)dependency["kind"] ?? string.Empty;
        var name = JsonObjectMeta.GetName(dependency) ?? string.Empty;
        var binding = new ResourceBinding
        {
            Metadata = new ObjectMeta
            {
                Name = BindingNames.GenerateBindingName(kind, name),
                Namespace = independent.Metadata.Namespace,
                OwnerReferences =
                [
                    new OwnerReference
                    {
                        ApiVersion = (string?)dependency["apiVersion"] ?? string.Empty,
                        Kind = kind,
                        Name = name,
                        Uid = JsonObjectMeta.GetUid(dependency) ?? string.Empty,
                        Controller = true,
                        BlockOwnerDeletion = true,
                    },
                ],
                Finalizers = [WellKnownFinalizers.BindingController],
            },
        };
        Merge(binding, dependency, independent);
        return binding;
    }

    /// <summary>
    /// A new attached binding for the <paramref name="referrers"/>' common dependency, required by each of them in
    /// turn, as one create of their first and a merge of each next one would have stored it.
    /// </summary>
    public static ResourceBinding Build(IReadOnlyList<AttachRequest> referrers)
    {
        ArgumentNullException.ThrowIfNull(referrers);
        ArgumentOutOfRangeException.ThrowIfZero(referrers.Count);
        var binding = Build(referrers[0].Dependency, referrers[0].Independent);
        for (var i = 1; i < referrers.Count; i++)
        {
            Merge(binding, referrers[i].Dependency, referrers[i].Independent);
        }

        return binding;
    }

    /// <summary>
    /// Records <paramref name="independent"/> on an attached binding in place: its depended-by label, its
    /// <c>requiredBy</c> snapshot, the dependency's identity; for a binding without its own placement also
    /// <c>conflictResolution</c> (Overwrite wins) and <c>preserveResourcesOnDeletion</c> (true wins). Entries and values
    /// are replaced, never changed in place (the batch patch merges into a copy that shares them with the cache).
    /// </summary>
    public static void Merge(ResourceBinding attached, JsonObject dependency, ResourceBinding independent)
    {
        ArgumentNullException.ThrowIfNull(attached);
        ArgumentNullException.ThrowIfNull(dependency);
        ArgumentNullException.ThrowIfNull(independent);
        var ns = independent.Metadata.Namespace ?? string.Empty;
        var name = independent.Metadata.Name ?? string.Empty;
        attached.Metadata.Labels[DependedByLabel(ns, name)] =
            independent.Metadata.Labels.GetValueOrDefault(WellKnownLabels.ResourceBindingPermanentId, string.Empty);
        var snapshot = Snapshot(independent);
        var index = attached.Spec.RequiredBy.FindIndex(s => s.Namespace == snapshot.Namespace && s.Name == snapshot.Name);
        if (index >= 0)
        {
            attached.Spec.RequiredBy[index] = snapshot;
        }
        else
        {
            // Appended, as upstream's mergeBindingSnapshot does: one patch can then add an entry without the list.
            attached.Spec.RequiredBy.Add(snapshot);
        }

        if (attached.Spec.Placement is not null)
        {
            // A binding of its own policy: only the requirement is recorded.
            return;
        }

        attached.Spec.Resource = ResourceOf(dependency);
        if (independent.Spec.ConflictResolution == PolicyV1Alpha1.ConflictResolution.Overwrite)
        {
            attached.Spec.ConflictResolution = PolicyV1Alpha1.ConflictResolution.Overwrite;
        }

        if (independent.Spec.PreserveResourcesOnDeletion == true)
        {
            attached.Spec.PreserveResourcesOnDeletion = true;
        }
    }

    /// <summary>The dependency as an attached binding's <c>spec.resource</c>.</summary>
    public static ObjectReference ResourceOf(JsonObject dependency)
    {
        ArgumentNullException.ThrowIfNull(dependency);
        return new ObjectReference
        {
            ApiVersion = (string?)dependency["apiVersion"] ?? string.Empty,
            Kind = (string?)dependency["kind"] ?? string.Empty,
            Namespace = JsonObjectMeta.GetNamespace(dependency),
            Name = JsonObjectMeta.GetName(dependency) ?? string.Empty,
            Uid = JsonObjectMeta.GetUid(dependency),
            ResourceVersion = JsonObjectMeta.GetResourceVersion(dependency),
        };
    }

    /// <summary>
    /// Whether the independent binding is all that keeps <paramref name="attached"/>: no other binding requires it and
    /// it has no placement of its own, so forgetting the independent binding means deleting it.
    /// </summary>
    public static bool RequiredOnlyBy(ResourceBinding attached, string independentNamespace, string independentName)
    {
        ArgumentNullException.ThrowIfNull(attached);
        return attached.Spec.Placement is null
            && attached.Spec.RequiredBy.All(s => s.Namespace == independentNamespace && s.Name == independentName);
    }
}
