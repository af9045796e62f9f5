using System.Text.Json.Nodes;
using Karmada.Api;
using Karmada.Api.Policy.V1Alpha1;
using Karmada.Policy.Propagation;
using Karmada.Policy.Selection;

namespace Karmada.Vectors.Tests;

/// <summary>Handlers for <c>policy_matching.json</c>: resource selectors and propagation policy choice.</summary>
internal static class PolicyMatchingVectors
{
    [VectorFunction("ResourceSelectorPriority")]
    public static void ResourceSelectorPriority(JsonObject input, JsonObject expected)
    {
        var priority = ResourceSelectorMatcher.ResourceSelectorPriority(Resource(input), Selector(input["selector"]!));
        AssertPriority(expected, priority);
    }

    [VectorFunction("ResourceMatches")]
    public static void ResourceMatches(JsonObject input, JsonObject expected) =>
        Assert.Equal((bool)expected["matches"]!, ResourceSelectorMatcher.ResourceMatches(Resource(input), Selector(input["selector"]!)));

    [VectorFunction("ResourceMatchSelectors")]
    public static void ResourceMatchSelectors(JsonObject input, JsonObject expected) =>
        Assert.Equal((bool)expected["matches"]!, ResourceSelectorMatcher.ResourceMatchSelectors(Resource(input), Selectors(input)));

    [VectorFunction("ResourceMatchSelectorsPriority")]
    public static void ResourceMatchSelectorsPriority(JsonObject input, JsonObject expected) =>
        AssertPriority(expected, ResourceSelectorMatcher.ResourceMatchSelectorsPriority(Resource(input), Selectors(input)));

    [VectorFunction("getHigherPriorityPropagationPolicy")]
    public static void GetHigherPriorityPropagationPolicy(JsonObject input, JsonObject expected)
    {
        var a = input["a"] is { } na ? KarmadaJson.Deserialize<PropagationPolicy>(na) : null;
        var b = KarmadaJson.Deserialize<PropagationPolicy>(input["b"]!);
        Assert.Equal((string?)expected["policyName"], PropagationPolicyMatcher.GetHigherPriorityPropagationPolicy(a, b).Metadata.Name);
    }

    [VectorFunction("getHigherPriorityClusterPropagationPolicy")]
    public static void GetHigherPriorityClusterPropagationPolicy(JsonObject input, JsonObject expected)
    {
        var a = input["a"] is { } na ? KarmadaJson.Deserialize<ClusterPropagationPolicy>(na) : null;
        var b = KarmadaJson.Deserialize<ClusterPropagationPolicy>(input["b"]!);
        Assert.Equal((string?)expected["policyName"], PropagationPolicyMatcher.GetHigherPriorityClusterPropagationPolicy(a, b).Metadata.Name);
    }

    [VectorFunction("getHighestPriorityPropagationPolicy")]
    public static void GetHighestPriorityPropagationPolicy(JsonObject input, JsonObject expected)
    {
        var policy = PropagationPolicyMatcher.GetHighestPriorityPropagationPolicy(List<PropagationPolicy>(input["policies"]), Resource(input));
        AssertPolicy(expected, policy?.Metadata);
    }

    [VectorFunction("getHighestPriorityClusterPropagationPolicy")]
    public static void GetHighestPriorityClusterPropagationPolicy(JsonObject input, JsonObject expected)
    {
        var policy = PropagationPolicyMatcher.GetHighestPriorityClusterPropagationPolicy(List<ClusterPropagationPolicy>(input["policies"]), Resource(input));
        AssertPolicy(expected, policy?.Metadata);
    }

    [VectorFunction("LookForMatchedPolicy")]
    public static void LookForMatchedPolicy(JsonObject input, JsonObject expected)
    {
        var policy = PropagationPolicyMatcher.LookForMatchedPolicy(input["object"]!.AsObject(), List<PropagationPolicy>(input["policies"]));
        AssertPolicy(expected, policy?.Metadata);
    }

    [VectorFunction("LookForMatchedClusterPolicy")]
    public static void LookForMatchedClusterPolicy(JsonObject input, JsonObject expected)
    {
        var policy = PropagationPolicyMatcher.LookForMatchedClusterPolicy(input["object"]!.AsObject(), List<ClusterPropagationPolicy>(input["policies"]));
        AssertPolicy(expected, policy?.Metadata);
    }

    internal static List<T> List<T>(JsonNode? node) =>
        (node as JsonArray ?? []).Select(item => KarmadaJson.Deserialize<T>(item!)).ToList();

    private static JsonObject Resource(JsonObject input) => input["resource"]!.AsObject();

    private static ResourceSelector Selector(JsonNode node) => KarmadaJson.Deserialize<ResourceSelector>(node);

    private static List<ResourceSelector> Selectors(JsonObject input) => List<ResourceSelector>(input["selectors"]);

    private static void AssertPriority(JsonObject expected, ImplicitPriority priority)
    {
        Assert.Equal((string?)expected["priority"], "Priority" + priority);
        Assert.Equal((int)expected["priorityValue"]!, (int)priority);
    }

    private static void AssertPolicy(JsonObject expected, Karmada.Api.Meta.ObjectMeta? actual)
    {
        if (expected["policy"] is JsonValue none && (string?)none == "none")
        {
            Assert.Null(actual);
            return;
        }

        Assert.NotNull(actual);
        Assert.Equal((string?)expected["policy"]!["name"], actual.Name);
        Assert.Equal((string?)expected["policy"]!["namespace"] ?? "", actual.Namespace ?? "");
    }
}
