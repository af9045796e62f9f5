using System.Text.Json.Nodes;
using Karmada.Api;
using Karmada.Api.Cluster.V1Alpha1;
using Karmada.Api.Core;
using Karmada.Api.Work.V1Alpha2;
using Karmada.Policy.Selection;
using Karmada.Scheduler.Framework;
using Karmada.Scheduler.Framework.Plugins;
using Karmada.Scheduler.Taints;
using static Karmada.Vectors.Tests.Scheduler.SchedulerVectorJson;
using ClusterAffinity = Karmada.Api.Policy.V1Alpha1.ClusterAffinity;

namespace Karmada.Vectors.Tests.Scheduler;

/// <summary>Handlers for <c>cluster_filtering.json</c>: filter plugins, cluster affinity matching and taint helpers.</summary>
internal static class SchedulerClusterFilteringVectors
{
    // extractClusterFields vectors name the fields by upstream's Go constants.
    private static readonly Dictionary<string, string> GoFieldNames = new(StringComparer.Ordinal)
    {
        [ClusterAffinityMatcher.ProviderField] = "ProviderField",
        [ClusterAffinityMatcher.RegionField] = "RegionField",
        [ClusterAffinityMatcher.ZoneField] = "ZoneField",
    };

    [VectorFunction("FilterPlugin")]
    internal static void FilterPlugin(JsonObject input, JsonObject expected)
    {
        var name = Str(input["plugin"]);
        var plugin = InTreePlugins.CreateRegistry().Filter([name]).CreatePlugins().OfType<IFilterPlugin>().Single();
        var result = plugin.Filter(Read<ResourceBindingSpec>(input["bindingSpec"]), Read<ResourceBindingStatus>(input["bindingStatus"]), Read<Cluster>(input["cluster"]));
        Assert.Equal(Str(expected["code"]), result.Code.ToString());
        if ((bool?)expected["isError"] is { } isError)
        {
            Assert.Equal(isError, !result.IsSuccess);
        }

        if ((string?)expected["reasonContains"] is { } reason)
        {
            Assert.Contains(reason, result.Message, StringComparison.Ordinal);
        }
    }

    [VectorFunction("ClusterMatches")]
    internal static void ClusterMatches(JsonObject input, JsonObject expected) =>
        Assert.Equal((bool)expected["matches"]!, ClusterAffinityMatcher.Matches(Read<Cluster>(input["cluster"]), Read<ClusterAffinity>(input["affinity"])));

    [VectorFunction("matchZones")]
    internal static void MatchZones(JsonObject input, JsonObject expected)
    {
        var zones = input["zones"] is null ? null : Items(input["zones"]).Select(Str).ToList();
        Assert.Equal((bool)expected["matches"]!, ClusterAffinityMatcher.MatchZones(Read<NodeSelectorRequirement>(input["zoneMatchExpression"]), zones));
    }

    [VectorFunction("extractClusterFields")]
    internal static void ExtractClusterFields(JsonObject input, JsonObject expected)
    {
        var fields = ClusterAffinityMatcher.ExtractClusterFields(Read<Cluster>(input["cluster"]))
            .ToDictionary(f => GoFieldNames[f.Key], f => f.Value, StringComparer.Ordinal);
        var want = expected["fields"]!.AsObject().ToDictionary(f => f.Key, f => Str(f.Value), StringComparer.Ordinal);
        Assert.Equal(want.OrderBy(f => f.Key, StringComparer.Ordinal), fields.OrderBy(f => f.Key, StringComparer.Ordinal));
    }

    [VectorFunction("TaintExists")]
    internal static void TaintExists(JsonObject input, JsonObject expected) =>
        Assert.Equal((bool)expected["result"]!, TaintTolerations.TaintExists(Taints(input["taints"]), Read<Taint>(input["taintToFind"])));

    [VectorFunction("TolerationExists")]
    internal static void TolerationExists(JsonObject input, JsonObject expected) =>
        Assert.Equal((bool)expected["result"]!, TaintTolerations.TolerationExists(Tolerations(input["tolerations"]), Read<Toleration>(input["tolerationToFind"])));

    [VectorFunction("HasNoExecuteTaints")]
    internal static void HasNoExecuteTaints(JsonObject input, JsonObject expected) =>
        Assert.Equal((bool)expected["result"]!, TaintTolerations.HasNoExecuteTaints(Taints(input["taints"])));

    [VectorFunction("GetNoExecuteTaints")]
    internal static void GetNoExecuteTaints(JsonObject input, JsonObject expected)
    {
        var actual = KarmadaJson.SerializeToNode(TaintTolerations.GetNoExecuteTaints(Taints(input["taints"])).ToList());
        Assert.True(JsonNode.DeepEquals(expected["result"], actual), actual?.ToJsonString());
    }

    [VectorFunction("GetMatchingTolerations")]
    internal static void GetMatchingTolerations(JsonObject input, JsonObject expected)
    {
        var (tolerated, matching) = TaintTolerations.GetMatchingTolerations(Taints(input["taints"]), Tolerations(input["tolerations"]));
        Assert.Equal((bool)expected["tolerated"]!, tolerated);
        var actual = KarmadaJson.SerializeToNode(matching.ToList());
        Assert.True(JsonNode.DeepEquals(expected["matchingTolerations"], actual), actual?.ToJsonString());
    }

    private static List<Taint> Taints(JsonNode? node) => [.. Items(node).Select(Read<Taint>)];

    private static List<Toleration> Tolerations(JsonNode? node) => [.. Items(node).Select(Read<Toleration>)];
}
