using Karmada.Api.Cluster.V1Alpha1;
using Karmada.Api.Core;
using Karmada.Api.Work.V1Alpha2;
using Karmada.Scheduler.Framework;
using Karmada.Scheduler.Framework.Plugins;

namespace Karmada.Scheduler.Tests.Framework;

public sealed class SchedulingFrameworkTests
{
    [Fact]
    public void RunFilterPlugins_FirstFailure_NamesThePluginAndStops()
    {
        var framework = new SchedulingFramework(InTreePlugins.CreateRegistry());
        var spec = Objects.Spec(placement: new() { ClusterAffinity = Objects.Names("member2") });
        var cluster = Objects.Cluster("member1").WithApi("apps/v1", "Deployment").WithTaint("key", TaintEffect.NoSchedule);

        var result = framework.RunFilterPlugins(spec, new ResourceBindingStatus(), cluster);

        // TaintToleration runs before ClusterAffinity, so its reason is the one reported.
        Assert.Equal(TaintTolerationPlugin.PluginName, result.Plugin);
        Assert.Equal(ResultCode.Unschedulable, result.Result.Code);
    }

    [Fact]
    public void RunScorePlugins_SeveralPlugins_SumsNormalizedScores()
    {
        var registry = new PluginRegistry();
        registry.Register("Fixed", static () => new FixedScorePlugin("Fixed", 30));
        registry.Register("Doubling", static () => new FixedScorePlugin("Doubling", 10, normalizeFactor: 2));
        var framework = new SchedulingFramework(registry);

        var report = framework.RunScorePlugins(Objects.Spec(), [Objects.Cluster("a"), Objects.Cluster("b")]);

        Assert.True(report.Status.IsSuccess);
        Assert.Equal([50L, 50L], report.Totals);
        Assert.Equal([20L, 20L], report.ByPlugin[1].Scores);
    }

    [Fact]
    public void RunScorePlugins_PluginFails_ReportsThePlugin()
    {
        var registry = new PluginRegistry();
        registry.Register("Broken", static () => new FixedScorePlugin("Broken", -1));

        var report = new SchedulingFramework(registry).RunScorePlugins(Objects.Spec(), [Objects.Cluster("a")]);

        Assert.Equal(ResultCode.Error, report.Status.Code);
        Assert.Equal("plugin \"Broken\" failed with: negative", report.Status.Message);
    }

    private sealed class FixedScorePlugin(string name, long score, long normalizeFactor = 1) : IScorePlugin, IScoreNormalizer
    {
        public string Name => name;

        public FilterResult Score(ResourceBindingSpec spec, Cluster cluster, out long value)
        {
            value = score;
            return score < 0 ? FilterResult.Error("negative") : FilterResult.Success;
        }

        public FilterResult NormalizeScores(Span<ClusterScore> scores)
        {
            for (var i = 0; i < scores.Length; i++)
            {
                scores[i] = scores[i] with { Score = scores[i].Score * normalizeFactor };
            }

            return FilterResult.Success;
        }
    }
}
