using Karmada.Api.Policy.V1Alpha1;
using Karmada.Scheduler.Spread;

namespace Karmada.Scheduler.Tests.Spread;

public sealed class SpreadSelectorTests
{
    [Fact]
    public void SelectBestClusters_OnlyZoneConstraint_IsUnsupported()
    {
        var placement = new Placement
        {
            ReplicaScheduling = Objects.DynamicWeight(),
            SpreadConstraints = [new SpreadConstraint { SpreadByField = SpreadFieldValue.Zone, MinGroups = 1, MaxGroups = 1 }],
        };

        var selected = SpreadSelector.SelectBestClusters(placement, new GroupClustersInfo(), 1);

        Assert.False(selected.IsSuccess);
        Assert.Equal("just support cluster and region spread constraint", selected.Failure.Message);
    }

    [Fact]
    public void SelectBestClusters_StaticWeighting_IgnoresConstraints()
    {
        var placement = new Placement
        {
            ReplicaScheduling = Objects.StaticWeights(("a", 1)),
            SpreadConstraints = [new SpreadConstraint { SpreadByField = SpreadFieldValue.Cluster, MinGroups = 1, MaxGroups = 1 }],
        };
        var info = new GroupClustersInfo();
        info.Clusters.AddRange([Objects.Detail("a"), Objects.Detail("b")]);

        Assert.Equal(2, SpreadSelector.SelectBestClusters(placement, info, 5).Value!.Count);
    }

    [Fact]
    public void SelectBestClustersByCluster_TooFewClusters_Fails()
    {
        var info = new GroupClustersInfo();
        info.Clusters.Add(Objects.Detail("a"));

        var selected = SpreadSelector.SelectBestClustersByCluster(new SpreadConstraint { MinGroups = 2, MaxGroups = 3 }, info, 1);

        Assert.Equal("the number of feasible clusters is less than spreadConstraint.MinGroups", selected.Failure!.Message);
    }
}
