using Karmada.Api.Policy.V1Alpha1;
using Karmada.Api.Work.V1Alpha2;
using Karmada.Scheduler.Framework;
using Karmada.Scheduler.Framework.Plugins;

namespace Karmada.Scheduler.Tests.Framework.Plugins;

public sealed class ClusterAffinityPluginTests
{
    private readonly ClusterAffinityPlugin _plugin = new();

    [Fact]
    public void Filter_ClusterNotInAffinity_IsUnschedulableWithUpstreamReason()
    {
        var spec = Objects.Spec(placement: new() { ClusterAffinity = Objects.Names("member2") });

        var result = _plugin.Filter(spec, new ResourceBindingStatus(), Objects.Cluster("member1"));

        Assert.Equal(ResultCode.Unschedulable, result.Code);
        Assert.Equal("cluster(s) did not match the placement cluster affinity constraint", result.Message);
        Assert.Equal("cluster affinity not matched", result.Explanation);
    }

    [Fact]
    public void Filter_NoAffinity_MatchesEveryCluster()
    {
        Assert.True(_plugin.Filter(Objects.Spec(), new ResourceBindingStatus(), Objects.Cluster("member1")).IsSuccess);
    }

    [Fact]
    public void Filter_ClusterAffinities_UsesTheObservedTerm()
    {
        var placement = new Placement
        {
            ClusterAffinities =
            [
                new ClusterAffinityTerm { AffinityName = "primary", ClusterNames = ["member1"] },
                new ClusterAffinityTerm { AffinityName = "backup", ClusterNames = ["member2"] },
            ],
        };
        var spec = Objects.Spec(placement: placement);

        var onBackup = _plugin.Filter(spec, new ResourceBindingStatus { SchedulerObservedAffinityName = "backup" }, Objects.Cluster("member1"));

        Assert.False(onBackup.IsSuccess);
        Assert.Equal("cluster affinity term \"backup\" not matched", onBackup.Explanation);
        Assert.True(_plugin.Filter(spec, new ResourceBindingStatus { SchedulerObservedAffinityName = "primary" }, Objects.Cluster("member1")).IsSuccess);
    }

    [Theory]
    [InlineData(3, true)]
    [InlineData(0, false)]
    public void Filter_OverflowAffinity_AdmitsOnlyWorkloads(int replicas, bool admitted)
    {
        var placement = new Placement
        {
            ClusterAffinities =
            [
                new ClusterAffinityTerm
                {
                    AffinityName = "primary",
                    ClusterNames = ["member1"],
                    OverflowAffinities = [new OverflowClusterAffinity { AffinityName = "burst", ClusterNames = ["member2"] }],
                },
            ],
        };

        var result = _plugin.Filter(
            Objects.Spec(replicas, placement), new ResourceBindingStatus { SchedulerObservedAffinityName = "primary" }, Objects.Cluster("member2"));

        Assert.Equal(admitted, result.IsSuccess);
    }

    [Fact]
    public void Score_AnyCluster_IsZero()
    {
        Assert.True(_plugin.Score(Objects.Spec(), Objects.Cluster("member1"), out var score).IsSuccess);
        Assert.Equal(ClusterScore.MinScore, score);
    }
}
