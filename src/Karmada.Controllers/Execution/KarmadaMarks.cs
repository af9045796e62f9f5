using System.Text.Json.Nodes;
using Karmada.Api.WellKnown;
using Karmada.Client;

namespace Karmada.Controllers.Execution;

/// <summary>
/// The labels and annotations Karmada puts on the objects it propagates into members: whether a member object is
/// managed by Karmada (and by which Work), which conflict resolution a manifest asks for, and how to strip the marks
/// off an object Karmada lets go of (<c>preserveResourcesOnDeletion</c>).
/// </summary>
public static class KarmadaMarks
{
    /// <summary>Labels removed from a member object that Karmada releases (upstream <c>RemoveLabels</c> on preserve).</summary>
    public static IReadOnlyList<string> ReleasedLabels { get; } =
    [
        WellKnownLabels.Managed,
        WellKnownLabels.WorkPermanentId,
        WellKnownLabels.ResourceBindingPermanentId,
        WellKnownLabels.ClusterResourceBindingPermanentId,
        WellKnownLabels.PropagationPolicyPermanentId,
        WellKnownLabels.ClusterPropagationPolicyPermanentId,
    ];

    /// <summary>Annotations removed from a member object that Karmada releases.</summary>
    public static IReadOnlyList<string> ReleasedAnnotations { get; } =
    [
        WellKnownAnnotations.WorkNamespace,
        WellKnownAnnotations.WorkName,
        WellKnownAnnotations.ConflictResolution,
        WellKnownAnnotations.ResourceTemplateUid,
        WellKnownAnnotations.ResourceTemplateGeneration,
        WellKnownAnnotations.ManagedLabels,
        WellKnownAnnotations.ManagedAnnotations,
        WellKnownAnnotations.ResourceBindingNamespace,
        WellKnownAnnotations.ResourceBindingName,
        WellKnownAnnotations.ClusterResourceBindingName,
        WellKnownAnnotations.PropagationPolicyNamespace,
        WellKnownAnnotations.PropagationPolicyName,
        WellKnownAnnotations.ClusterPropagationPolicyName,
    ];

    /// <summary>
    /// Whether a member object is Karmada's: it carries <c>karmada.io/managed=true</c> or the
    /// <c>work.karmada.io/{namespace,name}</c> annotations. Anything else was made by someone else in the member.
    /// </summary>
    public static bool IsManaged(JsonObject memberObject)
    {
        ArgumentNullException.ThrowIfNull(memberObject);
        return MetadataMaps.GetValue(memberObject, MetadataMaps.Labels, WellKnownLabels.Managed) == WellKnownLabelValues.True
            || WorkOf(memberObject) is not null;
    }

    /// <summary>Whether the manifest may take over an existing object Karmada does not manage (conflict resolution <c>overwrite</c>).</summary>
    public static bool MayOverwrite(JsonObject manifest)
    {
        ArgumentNullException.ThrowIfNull(manifest);
        return MetadataMaps.GetValue(manifest, MetadataMaps.Annotations, WellKnownAnnotations.ConflictResolution) == ConflictResolutionAnnotationValues.Overwrite;
    }

    /// <summary>The Work a member object came from, by its <c>work.karmada.io/{namespace,name}</c> annotations.</summary>
    public static ObjectKey? WorkOf(JsonObject memberObject)
    {
        ArgumentNullException.ThrowIfNull(memberObject);
        var ns = MetadataMaps.GetValue(memberObject, MetadataMaps.Annotations, WellKnownAnnotations.WorkNamespace);
        var name = MetadataMaps.GetValue(memberObject, MetadataMaps.Annotations, WellKnownAnnotations.WorkName);
        return string.IsNullOrEmpty(ns) || string.IsNullOrEmpty(name) ? null : new ObjectKey(ns, name);
    }

    /// <summary>Removes Karmada's labels and annotations in place; true when something was removed.</summary>
    public static bool Release(JsonObject memberObject)
    {
        ArgumentNullException.ThrowIfNull(memberObject);
        var changed = false;
        foreach (var (field, keys) in new[] { (MetadataMaps.Labels, ReleasedLabels), (MetadataMaps.Annotations, ReleasedAnnotations) })
        {
            var map = MetadataMaps.Get(memberObject, field);
            var removed = keys.Count(map.Remove);
            if (removed > 0)
            {
                MetadataMaps.Set(memberObject, field, map);
                changed = true;
            }
        }

        return changed;
    }
}
