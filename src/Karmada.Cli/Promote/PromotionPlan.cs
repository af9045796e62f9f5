using System.Text.Json.Nodes;
using Karmada.Api.WellKnown;
using Karmada.Cli.Apply;
using Karmada.Interpreter.Pruning;
using PolicyV1Alpha1 = Karmada.Api.Policy.V1Alpha1;

namespace Karmada.Cli.Promote;

/// <summary>
/// What <c>karmadactl promote</c> creates on the control plane for a member object (upstream <c>preprocessResource</c>
/// and <c>buildPropagationPolicy</c>): the object pruned of server-set fields and marked
/// <c>work.karmada.io/conflict-resolution: overwrite</c>, and a policy placing it on that cluster only with
/// <c>conflictResolution: Overwrite</c>, so Karmada adopts the existing object instead of refusing it.
/// </summary>
public sealed record PromotionPlan(JsonObject Template, JsonObject Policy)
{
    public static PromotionPlan Build(JsonObject memberObject, string cluster)
    {
        ArgumentNullException.ThrowIfNull(memberObject);
        var template = ManifestPruner.Prune((JsonObject)memberObject.DeepClone());
        var metadata = template["metadata"] as JsonObject ?? throw new CliException("the member object has no metadata.");
        if (metadata["annotations"] is not JsonObject annotations)
        {
            annotations = new JsonObject();
            metadata["annotations"] = annotations;
        }

        if (!annotations.ContainsKey(WellKnownAnnotations.ConflictResolution))
        {
            annotations[WellKnownAnnotations.ConflictResolution] = ConflictResolutionAnnotationValues.Overwrite;
        }

        var policy = PropagationPolicyGenerator.Generate(
            (string?)template["apiVersion"] ?? "",
            (string?)template["kind"] ?? "",
            (string?)metadata["namespace"],
            (string?)metadata["name"] ?? "",
            [cluster],
            PolicyV1Alpha1.ConflictResolution.Overwrite);
        return new PromotionPlan(template, policy);
    }
}
