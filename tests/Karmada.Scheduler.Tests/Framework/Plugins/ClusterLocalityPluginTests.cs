using Karmada.Scheduler.Framework;
using Karmada.Scheduler.Framework.Plugins;

namespace Karmada.Scheduler.Tests.Framework.Plugins;

public sealed class ClusterLocalityPluginTests
{
    private readonly ClusterLocalityPlugin _plugin = new();

    [Theory]
    [InlineData("member1", 3, ClusterScore.MaxScore)]
    [InlineData("member2", 3, ClusterScore.MinScore)]
    [InlineData("member1", 0, ClusterScore.MinScore)]
    public void Score_ByCurrentAssignment_FavorsClustersRunningReplicas(string cluster, int assigned, long expected)
    {
        var spec = Objects.Spec(3, null, ("member1", assigned));

        Assert.True(_plugin.Score(spec, Objects.Cluster(cluster), out var score).IsSuccess);
        Assert.Equal(expected, score);
    }
}
