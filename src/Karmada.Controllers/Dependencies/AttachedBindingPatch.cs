using System.Globalization;
using System.Text.Json.Nodes;
using Karmada.Api;
using Karmada.Api.Meta;
using Karmada.Api.WellKnown;
using Karmada.Api.Work.V1Alpha2;
using PolicyV1Alpha1 = Karmada.Api.Policy.V1Alpha1;

namespace Karmada.Controllers.Dependencies;

/// <summary>
/// JSON patches that record or remove one independent binding on an attached binding. A dependency shared by a whole
/// namespace (one ConfigMap mounted by a hundred Deployments) has one attached binding that every dependent's
/// distributor writes: rewriting the whole <c>requiredBy</c> list under a resourceVersion precondition made them
/// take turns losing the race. A patch touches only this binding's entry and label, so writers of other entries never
/// conflict. Each patch is guarded by <c>test</c> operations on what it relies on (the entry's position, the
/// depended-by label that is written together with the entry), so a patch computed from a stale copy fails (422)
/// instead of duplicating or misplacing an entry: the caller then re-reads the binding and patches again.
/// </summary>
public static class AttachedBindingPatch
{
    /// <summary>
    /// The patch that makes <paramref name="attached"/> record <paramref name="independent"/> as
    /// <see cref="AttachedBindings.Merge"/> would; null when it already does.
    /// </summary>
    public static JsonArray? Attach(ResourceBinding attached, JsonObject dependency, ResourceBinding independent)
    {
        ArgumentNullException.ThrowIfNull(attached);
        ArgumentNullException.ThrowIfNull(dependency);
        ArgumentNullException.ThrowIfNull(independent);
        var ns = independent.Metadata.Namespace ?? string.Empty;
        var name = independent.Metadata.Name ?? string.Empty;
        var labelPath = "/metadata/labels/" + BindingPatchOps.Token(AttachedBindings.DependedByLabel(ns, name));
        var labelValue = independent.Metadata.Labels.GetValueOrDefault(WellKnownLabels.ResourceBindingPermanentId, string.Empty);
        var currentLabel = attached.Metadata.Labels.GetValueOrDefault(AttachedBindings.DependedByLabel(ns, name));
        var snapshot = AttachedBindings.Snapshot(independent);
        var requiredBy = attached.Spec.RequiredBy;
        var index = requiredBy.FindIndex(s => s.Namespace == snapshot.Namespace && s.Name == snapshot.Name);

        var ops = new JsonArray();
        if (index >= 0)
        {
            if (!SameClusters(requiredBy[index].Clusters, snapshot.Clusters))
            {
                // Others only append or remove their own entries: the position check catches a removal before ours.
                AddEntryGuard(ops, index, snapshot);
                ops.Add(BindingPatchOps.Add(EntryPath(index) + "/clusters", KarmadaJson.SerializeToNode(snapshot.Clusters)));
            }
        }
        else
        {
            // The label and the entry are always written together, so a stored label still absent, as this copy shows
            // it, means the stored list holds no entry of ours either. A label without an entry (edited by hand)
            // guards on the whole list instead.
            if (currentLabel is null)
            {
                ops.Add(BindingPatchOps.Test(labelPath, null));
            }

            if (requiredBy.Count == 0)
            {
                ops.Add(BindingPatchOps.Test("/spec/requiredBy", null));
                ops.Add(BindingPatchOps.Add("/spec/requiredBy", new JsonArray(KarmadaJson.SerializeToNode(snapshot))));
            }
            else
            {
                if (currentLabel is not null)
                {
                    ops.Add(BindingPatchOps.Test("/spec/requiredBy", KarmadaJson.SerializeToNode(requiredBy)));
                }

                ops.Add(BindingPatchOps.Add("/spec/requiredBy/-", KarmadaJson.SerializeToNode(snapshot)));
            }
        }

        if (currentLabel != labelValue)
        {
            ops.Add(BindingPatchOps.Add(labelPath, labelValue));
        }

        if (attached.Spec.Placement is null)
        {
            AddSharedFields(ops, attached.Spec, dependency, independent.Spec);
        }

        return ops.Count == 0 ? null : ops;
    }

    /// <summary>
    /// One patch that records every one of <paramref name="referrers"/> (attachments collected while another write of
    /// the binding was in flight): each one's operations as
    /// <see cref="Attach(ResourceBinding, JsonObject, ResourceBinding)"/> computes them against the copy the previous
    /// ones leave behind, so their guards hold in sequence; null when all are recorded already.
    /// </summary>
    public static JsonArray? Attach(ResourceBinding attached, IReadOnlyList<AttachRequest> referrers)
    {
        ArgumentNullException.ThrowIfNull(attached);
        ArgumentNullException.ThrowIfNull(referrers);
        if (referrers.Count == 1)
        {
            return Attach(attached, referrers[0].Dependency, referrers[0].Independent);
        }

        var ops = new JsonArray();
        var after = WorkingCopy(attached);
        foreach (var referrer in referrers)
        {
            if (Attach(after, referrer.Dependency, referrer.Independent) is { } own)
            {
                var moved = own.ToList();
                own.Clear();
                foreach (var op in moved)
                {
                    ops.Add(op);
                }

                AttachedBindings.Merge(after, referrer.Dependency, referrer.Independent);
            }
        }

        return ops.Count == 0 ? null : ops;
    }

    // A copy of just what Attach reads and Merge writes (labels, requiredBy, placement, the shared spec fields) that
    // shares every entry and value with the cached binding: Merge replaces entries and values rather than changing them
    // in place, so the cached binding stays untouched without a deep copy of the whole binding per batch.
    private static ResourceBinding WorkingCopy(ResourceBinding attached) => new()
    {
        Metadata = new ObjectMeta { Labels = new Dictionary<string, string>(attached.Metadata.Labels) },
        Spec = new ResourceBindingSpec
        {
            Resource = attached.Spec.Resource,
            Placement = attached.Spec.Placement,
            RequiredBy = [.. attached.Spec.RequiredBy],
            ConflictResolution = attached.Spec.ConflictResolution,
            PreserveResourcesOnDeletion = attached.Spec.PreserveResourcesOnDeletion,
        },
    };

    /// <summary>
    /// The patch that removes the independent binding's entry and label from <paramref name="attached"/>; null when it
    /// carries neither. The caller deletes instead a binding that <see cref="AttachedBindings.RequiredOnlyBy"/> this one.
    /// </summary>
    public static JsonArray? Detach(ResourceBinding attached, string independentNamespace, string independentName)
    {
        ArgumentNullException.ThrowIfNull(attached);
        var ops = new JsonArray();
        var requiredBy = attached.Spec.RequiredBy;
        var index = requiredBy.FindIndex(s => s.Namespace == independentNamespace && s.Name == independentName);
        if (index >= 0)
        {
            AddEntryGuard(ops, index, requiredBy[index]);
            if (attached.Spec.Placement is null && requiredBy.FindIndex(s => s.Namespace != independentNamespace || s.Name != independentName) is var other and >= 0)
            {
                // This copy says another referrer keeps the binding, so it is not deleted. The last two referrers
                // detaching at once from copies that both still show the other would otherwise leave it required by
                // nobody and labelled for nobody, never deleted: the patch holds only while that other entry is still
                // in place (a removal before it shifts it, its own removal replaces it).
                AddEntryGuard(ops, other, requiredBy[other]);
            }

            ops.Add(BindingPatchOps.Remove(EntryPath(index)));
        }

        var label = AttachedBindings.DependedByLabel(independentNamespace, independentName);
        if (attached.Metadata.Labels.ContainsKey(label))
        {
            // A remove of a label that is gone fails the patch, as a stale copy should.
            ops.Add(BindingPatchOps.Remove("/metadata/labels/" + BindingPatchOps.Token(label)));
        }

        return ops.Count == 0 ? null : ops;
    }

    // Fields of a binding without its own placement that every referrer writes the same way (the dependency's
    // identity) or only ever raises (Overwrite wins, preserve wins): idempotent, so they need no guard of their own
    // beyond "still no placement".
    private static void AddSharedFields(JsonArray ops, ResourceBindingSpec attached, JsonObject dependency, ResourceBindingSpec independent)
    {
        var shared = new List<JsonObject>();
        var resource = AttachedBindings.ResourceOf(dependency);
        if (!SameResource(attached.Resource, resource))
        {
            shared.Add(BindingPatchOps.Add("/spec/resource", KarmadaJson.SerializeToNode(resource)));
        }

        if (independent.ConflictResolution == PolicyV1Alpha1.ConflictResolution.Overwrite && attached.ConflictResolution != PolicyV1Alpha1.ConflictResolution.Overwrite)
        {
            shared.Add(BindingPatchOps.Add("/spec/conflictResolution", nameof(PolicyV1Alpha1.ConflictResolution.Overwrite)));
        }

        if (independent.PreserveResourcesOnDeletion == true && attached.PreserveResourcesOnDeletion != true)
        {
            shared.Add(BindingPatchOps.Add("/spec/preserveResourcesOnDeletion", true));
        }

        if (shared.Count > 0)
        {
            ops.Add(BindingPatchOps.Test("/spec/placement", null));
            foreach (var op in shared)
            {
                ops.Add(op);
            }
        }
    }

    private static void AddEntryGuard(JsonArray ops, int index, BindingSnapshot entry)
    {
        var path = EntryPath(index);
        ops.Add(BindingPatchOps.Test(path + "/namespace", BindingPatchOps.OmitEmpty(entry.Namespace)));
        ops.Add(BindingPatchOps.Test(path + "/name", entry.Name));
    }

    private static string EntryPath(int index) => "/spec/requiredBy/" + index.ToString(CultureInfo.InvariantCulture);

    private static bool SameClusters(List<TargetCluster> current, List<TargetCluster> desired) =>
        current.Count == desired.Count && current.Zip(desired).All(p => p.First.Name == p.Second.Name && p.First.Replicas == p.Second.Replicas);

    private static bool SameResource(ObjectReference current, ObjectReference desired) =>
        current.ApiVersion == desired.ApiVersion && current.Kind == desired.Kind && current.Namespace == desired.Namespace
        && current.Name == desired.Name && current.Uid == desired.Uid && current.ResourceVersion == desired.ResourceVersion;
}
