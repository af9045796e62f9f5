using Karmada.Api.Cluster.V1Alpha1;
using Karmada.Api.Meta;
using Karmada.Api.Work.V1Alpha2;
using Karmada.Scheduler.Framework.Plugins;

namespace Karmada.Scheduler.Tests.Framework.Plugins;

public sealed class ApiEnablementPluginTests
{
    private readonly ApiEnablementPlugin _plugin = new();

    [Fact]
    public void Filter_ApiServed_Passes()
    {
        Assert.True(_plugin.Filter(Objects.Spec(), new ResourceBindingStatus(), Objects.Cluster("member1").WithApi("apps/v1", "Deployment")).IsSuccess);
    }

    [Fact]
    public void Filter_ApiMissingFromCompleteList_ExplainsNotEnabled()
    {
        var cluster = Objects.Cluster("member1").WithApi("v1", "ConfigMap");
        cluster.Status.Conditions.Add(new Condition { Type = ClusterConditionTypes.CompleteAPIEnablements, Status = ConditionStatus.True });

        var result = _plugin.Filter(Objects.Spec(), new ResourceBindingStatus(), cluster);

        Assert.Equal("no such API resource", result.Message);
        Assert.Equal("API apps/v1, Kind=Deployment not enabled", result.Explanation);
    }

    [Fact]
    public void Filter_ApiMissingFromIncompleteList_ExplainsUnknown()
    {
        var result = _plugin.Filter(Objects.Spec(), new ResourceBindingStatus(), Objects.Cluster("member1"));

        Assert.False(result.IsSuccess);
        Assert.Equal("API apps/v1, Kind=Deployment not reported (API enablements incomplete)", result.Explanation);
    }

    [Fact]
    public void Filter_ClusterAlreadyTargeted_PassesWithoutTheApi()
    {
        Assert.True(_plugin.Filter(Objects.Spec(1, null, ("member1", 1)), new ResourceBindingStatus(), Objects.Cluster("member1")).IsSuccess);
    }
}
