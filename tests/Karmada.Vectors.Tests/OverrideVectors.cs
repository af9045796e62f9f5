using System.Text.Json.Nodes;
using Karmada.Api;
using Karmada.Api.Cluster.V1Alpha1;
using Karmada.Api.Policy.V1Alpha1;
using Karmada.Policy.Json;
using Karmada.Policy.Overrides;

namespace Karmada.Vectors.Tests;

/// <summary>Handlers for <c>override.json</c>: the overriders and override policy application.</summary>
internal static class OverrideVectors
{
    [VectorFunction("imageOverrider")]
    public static void ImageOverrider(JsonObject input, JsonObject expected)
    {
        var obj = input["object"]!.AsObject();
        var patches = ImageOverriderPatches.Build(obj, KarmadaJson.Deserialize<ImageOverrider>(input["imageOverrider"]!));
        AssertPatches(expected, obj, patches);
    }

    [VectorFunction("commandOverrider")]
    public static void CommandOverrider(JsonObject input, JsonObject expected)
    {
        var obj = input["object"]!.AsObject();
        var overrider = KarmadaJson.Deserialize<CommandArgsOverrider>(input["commandOverrider"]!);
        AssertPatches(expected, obj, CommandArgsOverriderPatches.Build(CommandArgsOverriderPatches.CommandField, obj, overrider));
    }

    [VectorFunction("argsOverrider")]
    public static void ArgsOverrider(JsonObject input, JsonObject expected)
    {
        var obj = input["object"]!.AsObject();
        var overrider = KarmadaJson.Deserialize<CommandArgsOverrider>(input["argsOverrider"]!);
        AssertPatches(expected, obj, CommandArgsOverriderPatches.Build(CommandArgsOverriderPatches.ArgsField, obj, overrider));
    }

    [VectorFunction("labelsOverrider")]
    public static void LabelsOverrider(JsonObject input, JsonObject expected)
    {
        var obj = (JsonObject)input["object"]!.DeepClone();
        OverridersApplier.Apply(obj, new Overriders { LabelsOverrider = PolicyMatchingVectors.List<LabelAnnotationOverrider>(input["labelsOverrider"]) });
        AssertJson(expected["labels"], obj["metadata"]?["labels"]);
    }

    [VectorFunction("annotationsOverrider")]
    public static void AnnotationsOverrider(JsonObject input, JsonObject expected)
    {
        var obj = (JsonObject)input["object"]!.DeepClone();
        OverridersApplier.Apply(obj, new Overriders { AnnotationsOverrider = PolicyMatchingVectors.List<LabelAnnotationOverrider>(input["annotationsOverrider"]) });
        AssertJson(expected["annotations"], obj["metadata"]?["annotations"]);
    }

    [VectorFunction("ApplyOverridePolicies")]
    public static void ApplyOverridePolicies(JsonObject input, JsonObject expected)
    {
        var clusterName = (string)input["clusterName"]!;
        var cluster = PolicyMatchingVectors.List<Cluster>(input["clusters"]).Single(c => c.Metadata.Name == clusterName);
        var result = OverridePolicyApplier.ApplyOverridePolicies(
            input["object"]!.AsObject(),
            cluster,
            PolicyMatchingVectors.List<OverridePolicy>(input["overridePolicies"]),
            PolicyMatchingVectors.List<ClusterOverridePolicy>(input["clusterOverridePolicies"]));

        AssertJson(expected["appliedClusterOverrides"], result.AppliedClusterOverrides?.ToJson());
        AssertJson(expected["appliedOverrides"], result.AppliedOverrides?.ToJson());
        if (result.AppliedOverrides?.ToAnnotationValue() is { } annotation)
        {
            AssertJson(expected["appliedOverrides"], JsonNode.Parse(annotation));
        }

        if (expected["resultMetadata"] is JsonObject metadata)
        {
            AssertJson(metadata["labels"], result.Object["metadata"]?["labels"]);
            AssertJson(metadata["annotations"], result.Object["metadata"]?["annotations"]);
        }

        if (expected["resultSubset"] is JsonObject subset)
        {
            foreach (var (key, value) in subset)
            {
                AssertJson(value, result.Object[key]);
            }
        }
    }

    [VectorFunction("getOverridersFromOverridePolicies")]
    public static void GetOverridersFromOverridePolicies(JsonObject input, JsonObject expected)
    {
        var resource = input["resource"]!.AsObject();
        var cluster = KarmadaJson.Deserialize<Cluster>(input["cluster"]!);
        var policies = input["policies"]!.AsArray();
        var clusterScoped = policies.All(p => (string?)p!["kind"] == ClusterOverridePolicy.KubeKind);
        var overriders = clusterScoped
            ? OverridePolicyApplier.GetOverridersFromOverridePolicies(PolicyMatchingVectors.List<ClusterOverridePolicy>(policies), resource, cluster)
            : OverridePolicyApplier.GetOverridersFromOverridePolicies(PolicyMatchingVectors.List<OverridePolicy>(policies), resource, cluster);

        var actual = new JsonArray(overriders.Select(o => (JsonNode?)new JsonObject
        {
            ["policyName"] = o.PolicyName,
            ["policyNamespace"] = o.PolicyNamespace,
            ["overriders"] = AppliedOverrides.OverridersToJson(o.Overriders),
        }).ToArray());
        AssertJson(expected["overriders"], actual);
    }

    private static void AssertPatches(JsonObject expected, JsonObject obj, IReadOnlyList<JsonPatchOperation> patches)
    {
        AssertJson(expected["patches"], new JsonArray(patches.Select(p => (JsonNode?)p.ToJson()).ToArray()));
        var result = (JsonObject)obj.DeepClone();
        OverridersApplier.ApplyPatches(result, patches);
        AssertJson(expected["resultingObject"], result);
    }

    private static void AssertJson(JsonNode? expected, JsonNode? actual) =>
        Assert.True(JsonNode.DeepEquals(expected, actual), $"expected {expected?.ToJsonString() ?? "null"} but got {actual?.ToJsonString() ?? "null"}");
}
