using Karmada.Api.Cluster.V1Alpha1;
using Karmada.Api.Core;
using Karmada.Api.Policy.V1Alpha1;
using Karmada.Api.Work.V1Alpha2;
using Karmada.Scheduler.Framework.Plugins;

namespace Karmada.Scheduler.Tests.Framework.Plugins;

public sealed class TaintTolerationPluginTests
{
    private readonly TaintTolerationPlugin _plugin = new();

    [Fact]
    public void Filter_UntoleratedTaintWithoutValue_ReportsKeyAndEffect()
    {
        var cluster = Objects.Cluster("member3").WithTaint(ClusterTaintKeys.NotReady, TaintEffect.NoSchedule);

        var result = _plugin.Filter(Objects.Spec(), new ResourceBindingStatus(), cluster);

        Assert.Equal("cluster(s) had untolerated taint {cluster.karmada.io/not-ready:NoSchedule}", result.Message);
        Assert.Equal("untolerated taint cluster.karmada.io/not-ready:NoSchedule", result.Explanation);
    }

    [Fact]
    public void Filter_UntoleratedTaintWithValue_ReportsKeyValueAndEffect()
    {
        var cluster = Objects.Cluster("member1").WithTaint("key1", TaintEffect.NoExecute, "value1");

        Assert.Equal("cluster(s) had untolerated taint {key1=value1:NoExecute}", _plugin.Filter(Objects.Spec(), new ResourceBindingStatus(), cluster).Message);
    }

    [Fact]
    public void Filter_ExistsToleration_ToleratesAnyValue()
    {
        var placement = new Placement { ClusterTolerations = [new Toleration { Key = "key1", Operator = TolerationOperator.Exists }] };
        var cluster = Objects.Cluster("member1").WithTaint("key1", TaintEffect.NoSchedule, "anything");

        Assert.True(_plugin.Filter(Objects.Spec(placement: placement), new ResourceBindingStatus(), cluster).IsSuccess);
    }

    [Fact]
    public void Filter_PreferNoScheduleTaint_IsIgnored()
    {
        var cluster = Objects.Cluster("member1").WithTaint("key1", TaintEffect.PreferNoSchedule);

        Assert.True(_plugin.Filter(Objects.Spec(), new ResourceBindingStatus(), cluster).IsSuccess);
    }

    [Fact]
    public void Filter_ClusterAlreadyTargeted_PassesDespiteTaint()
    {
        var cluster = Objects.Cluster("member1").WithTaint(ClusterTaintKeys.Unreachable, TaintEffect.NoExecute);

        Assert.True(_plugin.Filter(Objects.Spec(2, null, ("member1", 2)), new ResourceBindingStatus(), cluster).IsSuccess);
    }
}
