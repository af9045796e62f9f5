using Karmada.Api.Policy.V1Alpha1;
using Karmada.Api.Work.V1Alpha2;
using Karmada.Scheduler.Framework;
using Karmada.Scheduler.Spread;

namespace Karmada.Scheduler.Tests.Spread;

public sealed class ClusterGrouperTests
{
    [Fact]
    public void GroupClustersWithScore_ZoneConstraint_PutsClusterInEveryZoneItSpans()
    {
        var placement = new Placement
        {
            SpreadConstraints =
            [
                new SpreadConstraint { SpreadByField = SpreadFieldValue.Cluster, MinGroups = 1, MaxGroups = 3 },
                new SpreadConstraint { SpreadByField = SpreadFieldValue.Zone, MinGroups = 1, MaxGroups = 2 },
            ],
        };
        ClusterScore[] scores =
        [
            new(Objects.Cluster("a", zones: ["z1", "z2"]), 10),
            new(Objects.Cluster("b", zones: ["z2"]), 10),
        ];

        var info = ClusterGrouper.GroupClustersWithScore(scores, placement, Objects.Spec(placement: placement), null, (c, _) => [.. c.Select(_ => 5)]);

        Assert.Equal(["a"], info.Zones["z1"].Clusters.Select(c => c.Name));
        Assert.Equal(["a", "b"], info.Zones["z2"].Clusters.Select(c => c.Name));
        Assert.Equal(10, info.Zones["z2"].AvailableReplicas);
    }

    [Fact]
    public void GroupClustersWithScore_EqualScores_OrdersByAvailableReplicasThenName()
    {
        ClusterScore[] scores = [new(Objects.Cluster("a"), 0), new(Objects.Cluster("b"), 0), new(Objects.Cluster("c"), 0)];
        var spec = Objects.Spec(4, null, ("b", 3));

        var info = ClusterGrouper.GroupClustersWithScore(scores, new Placement(), spec, null, (c, _) => [2, 2, 4]);

        // b: 2 allocatable + 3 already assigned.
        Assert.Equal(["b", "c", "a"], info.Clusters.Select(c => c.Name));
        Assert.Equal(5, info.Clusters[0].AvailableReplicas);
    }

    [Fact]
    public void GroupClustersWithScore_OverflowAffinity_SortsPrimaryTierFirst()
    {
        var placement = new Placement
        {
            ClusterAffinities =
            [
                new ClusterAffinityTerm
                {
                    AffinityName = "primary",
                    ClusterNames = ["a"],
                    OverflowAffinities = [new OverflowClusterAffinity { AffinityName = "burst", ClusterNames = ["b"] }],
                },
            ],
        };
        ClusterScore[] scores = [new(Objects.Cluster("b"), 100), new(Objects.Cluster("a"), 0)];

        var info = ClusterGrouper.GroupClustersWithScore(
            scores, placement, Objects.Spec(1, placement), new ResourceBindingStatus { SchedulerObservedAffinityName = "primary" }, null);

        Assert.Equal([("a", 0), ("b", 1)], info.Clusters.Select(c => (c.Name, c.OverflowOrder)));
    }

    [Fact]
    public void CalcGroupScore_DividedGroupWithEnoughCapacity_WeighsTargetReplicas()
    {
        var spec = Objects.Spec(10, new Placement { ReplicaScheduling = Objects.DynamicWeight() });
        List<ClusterDetailInfo> clusters = [Objects.Detail("a", 4, score: 100), Objects.Detail("b", 4, score: 0)];

        // minGroups 2: target = 10 / 2 + 1 = 6, reached after both clusters (8), average score 50.
        Assert.Equal(6050, ClusterGrouper.CalcGroupScore(clusters, spec, 2));
        Assert.Equal(8050, ClusterGrouper.CalcGroupScore(clusters, Objects.Spec(20, spec.Placement), 1));
    }
}
