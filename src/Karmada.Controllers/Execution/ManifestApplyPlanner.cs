using System.Text.Json.Nodes;
using Karmada.Api.WellKnown;
using Karmada.Interpreter;

namespace Karmada.Controllers.Execution;

/// <summary>
/// Decides how one Work manifest reaches its member object (upstream <c>execution_controller.tryCreateOrUpdateWorkload</c>
/// with <c>objectwatcher.allowUpdate</c> / <c>NeedsUpdate</c>): create what is missing; refuse to touch an object
/// Karmada does not manage unless the manifest's conflict resolution is <c>overwrite</c>; otherwise write the desired
/// object with the member-owned fields retained, unless it is still exactly what was last applied.
/// </summary>
public static class ManifestApplyPlanner
{
    public static ApplyPlan Plan(string cluster, JsonObject desired, JsonObject? observed, AppliedVersion? lastApplied, IResourceInterpreter interpreter)
    {
        ArgumentNullException.ThrowIfNull(desired);
        ArgumentNullException.ThrowIfNull(interpreter);
        if (observed is null)
        {
            return new ApplyPlan(ApplyAction.Create, desired);
        }

        if (!KarmadaMarks.IsManaged(observed) && !KarmadaMarks.MayOverwrite(desired))
        {
            var id = ManifestIdentity.Of(desired);
            return new ApplyPlan(
                ApplyAction.Conflict,
                Message: $"resource(kind={id.Kind}, {id.Namespace}/{id.Name}) already exists in the cluster {cluster} and the {WellKnownAnnotations.ConflictResolution} strategy value is empty, Karmada will not manage this resource");
        }

        var retained = ClusterFieldRetention.Retain(desired, observed, interpreter);
        return InStep(desired, retained, observed, lastApplied)
            ? new ApplyPlan(ApplyAction.None)
            : new ApplyPlan(ApplyAction.Update, retained);
    }

    /// <summary>
    /// The member object is still what Karmada last wrote for this very manifest: same manifest digest and same object
    /// version; for generation-versioned kinds also the same labels and annotations, which do not bump the generation.
    /// </summary>
    private static bool InStep(JsonObject desired, JsonObject retained, JsonObject observed, AppliedVersion? lastApplied)
    {
        if (lastApplied is null
            || lastApplied.ManifestDigest != AppliedVersion.Digest(desired)
            || lastApplied.ObjectVersion != AppliedVersion.VersionOf(observed))
        {
            return false;
        }

        return !lastApplied.IsGeneration
            || (MetadataMaps.SameMap(MetadataMaps.Get(retained, MetadataMaps.Labels), MetadataMaps.Get(observed, MetadataMaps.Labels))
                && MetadataMaps.SameMap(MetadataMaps.Get(retained, MetadataMaps.Annotations), MetadataMaps.Get(observed, MetadataMaps.Annotations)));
    }
}
