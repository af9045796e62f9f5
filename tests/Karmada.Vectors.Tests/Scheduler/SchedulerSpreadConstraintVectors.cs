using System.Text.Json.Nodes;
using Karmada.Api.Cluster.V1Alpha1;
using Karmada.Api.Policy.V1Alpha1;
using Karmada.Api.Work.V1Alpha2;
using Karmada.Scheduler;
using Karmada.Scheduler.Estimation;
using Karmada.Scheduler.Framework;
using Karmada.Scheduler.Spread;
using static Karmada.Vectors.Tests.Scheduler.SchedulerVectorJson;

namespace Karmada.Vectors.Tests.Scheduler;

/// <summary>Handlers for <c>spread_constraints.json</c>: grouping, group scores and cluster selection.</summary>
internal static class SchedulerSpreadConstraintVectors
{
    [VectorFunction("SelectClusters")]
    internal static void SelectClusters(JsonObject input, JsonObject expected)
    {
        var calculator = new AvailableReplicasCalculator([new GeneralEstimator()]);
        var selected = GenericScheduler.SelectClusters(
            Scores(input["clustersScore"]), Read<Placement>(input["placement"]), Read<ResourceBindingSpec>(input["spec"]),
            ReadOrNull<ResourceBindingStatus>(input["status"]), calculator.Calculate);
        Assert.True(selected.IsSuccess, selected.Failure?.Message);
        AssertNames(expected, "selected", selected.Value.Select(c => c.Name), (bool?)expected["ordered"] ?? true);
    }

    [VectorFunction("SelectBestClusters")]
    internal static void SelectBestClusters(JsonObject input, JsonObject expected)
    {
        var info = new GroupClustersInfo();
        info.Clusters.AddRange(DetailInfos(input["clusters"]));
        AssertSelection(expected, SpreadSelector.SelectBestClusters(Read<Placement>(input["placement"]), info, Int(input["needReplicas"])));
    }

    [VectorFunction("selectBestClustersByRegion")]
    internal static void SelectBestClustersByRegion(JsonObject input, JsonObject expected)
    {
        var info = new GroupClustersInfo();
        info.Clusters.AddRange(DetailInfos(input["clusters"]));
        foreach (var node in Items(input["regions"]))
        {
            var region = new TopologyGroup(Str(node["name"])) { Score = Long(node["score"]), AvailableReplicas = Long(node["availableReplicas"]) };
            region.Clusters.AddRange(DetailInfos(node["clusters"]));
            info.Regions[region.Name] = region;
        }

        var constraints = new Dictionary<SpreadFieldValue, SpreadConstraint>();
        foreach (var constraint in Items(input["spreadConstraints"]).Select(Read<SpreadConstraint>))
        {
            constraints[constraint.SpreadByField!.Value] = constraint;
        }

        AssertSelection(expected, SpreadSelector.SelectBestClustersByRegion(constraints, info));
    }

    [VectorFunction("GroupClustersWithScore")]
    internal static void GroupClustersWithScore(JsonObject input, JsonObject expected)
    {
        var perCluster = Int(input["availableReplicasPerCluster"]);
        var info = ClusterGrouper.GroupClustersWithScore(
            Scores(input["clustersScore"]), Read<Placement>(input["placement"]), Read<ResourceBindingSpec>(input["spec"]),
            ReadOrNull<ResourceBindingStatus>(input["status"]), (clusters, _) => [.. clusters.Select(_ => perCluster)]);
        AssertNames(expected, "clusters", info.Clusters.Select(c => c.Name));
        Assert.Equal(Int(expected["zoneCount"]), info.Zones.Count);
        Assert.Equal(Int(expected["regionCount"]), info.Regions.Count);
        Assert.Equal(Int(expected["providerCount"]), info.Providers.Count);
    }

    [VectorFunction("calcGroupScoreForDuplicate")]
    internal static void CalcGroupScoreForDuplicate(JsonObject input, JsonObject expected) =>
        Assert.Equal(Long(expected["score"]), ClusterGrouper.CalcGroupScoreForDuplicate(DetailInfos(input["clusters"]), Int(input["replicas"])));

    [VectorFunction("selectGroups")]
    internal static void SelectGroups(JsonObject input, JsonObject expected)
    {
        var groups = Items(input["groups"]).Select(g => new GroupInfo(Str(g["name"]), Long(g["value"]), Long(g["weight"]))).ToList();
        var selected = GroupSelector.SelectGroups(groups, Int(input["minConstraints"]), Int(input["maxConstraints"]), Long(input["target"]));
        AssertNames(expected, "selected", selected.Select(g => g.Name));
    }

    [VectorFunction("sortClusters")]
    internal static void SortClusters(JsonObject input, JsonObject expected)
    {
        var clusters = DetailInfos(input["clusters"]);
        ClusterSorter.Sort(clusters);
        AssertNames(expected, "sorted", clusters.Select(c => c.Name));
    }

    private static List<ClusterScore> Scores(JsonNode? node) =>
        [.. Items(node).Select(n => new ClusterScore(Read<Cluster>(n["cluster"]), Long(n["score"])))];

    private static void AssertSelection(JsonObject expected, Outcome<IReadOnlyList<ClusterDetailInfo>> selected)
    {
        if ((bool?)expected["error"] == true)
        {
            Assert.False(selected.IsSuccess, "expected a failure");
            if ((string?)expected["errorMessage"] is { } message)
            {
                Assert.Equal(message, selected.Failure!.Message);
            }

            return;
        }

        Assert.True(selected.IsSuccess, selected.Failure?.Message);
        AssertNames(expected, "selected", selected.Value.Select(c => c.Name), (bool?)expected["ordered"] ?? true);
    }
}
