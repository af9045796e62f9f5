using Karmada.Api.Core;
using Karmada.Scheduler.Taints;

namespace Karmada.Scheduler.Tests.Taints;

public sealed class TaintTolerationsTests
{
    private static readonly Taint NotReady = new() { Key = "cluster.karmada.io/not-ready", Effect = TaintEffect.NoExecute };

    [Fact]
    public void ToleratesTaint_EmptyKeyWithExists_ToleratesEverything()
    {
        Assert.True(TaintTolerations.ToleratesTaint(new Toleration { Operator = TolerationOperator.Exists }, NotReady));
    }

    [Fact]
    public void ToleratesTaint_DifferentEffect_DoesNotTolerate()
    {
        var toleration = new Toleration { Key = NotReady.Key, Operator = TolerationOperator.Exists, Effect = TaintEffect.NoSchedule };

        Assert.False(TaintTolerations.ToleratesTaint(toleration, NotReady));
    }

    [Fact]
    public void ToleratesTaint_UnsetOperator_ComparesValues()
    {
        var taint = new Taint { Key = "k", Value = "v", Effect = TaintEffect.NoSchedule };

        Assert.True(TaintTolerations.ToleratesTaint(new Toleration { Key = "k", Value = "v" }, taint));
        Assert.False(TaintTolerations.ToleratesTaint(new Toleration { Key = "k", Value = "w" }, taint));
    }

    [Fact]
    public void ToleratesTaint_NumericOperator_DoesNotTolerate()
    {
        Assert.False(TaintTolerations.ToleratesTaint(new Toleration { Key = NotReady.Key, Operator = TolerationOperator.Gt }, NotReady));
    }

    [Fact]
    public void GetMatchingTolerations_AllTolerated_ReturnsFirstMatchPerTaint()
    {
        var exists = new Toleration { Key = NotReady.Key, Operator = TolerationOperator.Exists };

        var (tolerated, matching) = TaintTolerations.GetMatchingTolerations([NotReady, NotReady], [exists, new Toleration { Operator = TolerationOperator.Exists }]);

        Assert.True(tolerated);
        Assert.Equal([exists, exists], matching);
    }
}
