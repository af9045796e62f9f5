using Karmada.Api.Cluster.V1Alpha1;
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

    [Fact]
    public void RunScorePlugins_PreparedOncePerPass_ScoresAsOneByOne()
    {
        var spec = Objects.Spec(4, null, ("member1", 3), ("member3", 1), ("member4", 0));
        Cluster[] clusters = [.. new[] { "member1", "member2", "member3", "member4", "member5" }.Select(n => Objects.Cluster(n))];

        var report = new SchedulingFramework(InTreePlugins.CreateRegistry()).RunScorePlugins(spec, clusters);

        var prepared = report.ByPlugin.Single(p => p.Plugin == ClusterLocalityPlugin.PluginName).Scores;
        var oneByOne = clusters.Select(c => _plugin.Score(spec, c, out var score).IsSuccess ? score : -1).ToList();
        Assert.Equal(oneByOne, prepared);

        // A target with 0 replicas still counts while the binding runs somewhere, as upstream's check is on the sum.
        Assert.Equal([100L, 0L, 100L, 100L, 0L], prepared);
    }
}
