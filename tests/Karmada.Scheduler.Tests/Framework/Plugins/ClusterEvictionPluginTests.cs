using Karmada.Api.Work.V1Alpha2;
using Karmada.Scheduler.Framework.Plugins;

namespace Karmada.Scheduler.Tests.Framework.Plugins;

public sealed class ClusterEvictionPluginTests
{
    private readonly ClusterEvictionPlugin _plugin = new();

    [Fact]
    public void Filter_ClusterBeingEvicted_IsUnschedulable()
    {
        var spec = Objects.Spec();
        spec.GracefulEvictionTasks.Add(new GracefulEvictionTask { FromCluster = "member1" });

        var result = _plugin.Filter(spec, new ResourceBindingStatus(), Objects.Cluster("member1"));

        Assert.Equal("cluster(s) is in the process of eviction", result.Message);
        Assert.Equal("graceful eviction in progress", result.Explanation);
    }

    [Fact]
    public void Filter_OtherClusterBeingEvicted_Passes()
    {
        var spec = Objects.Spec();
        spec.GracefulEvictionTasks.Add(new GracefulEvictionTask { FromCluster = "member2" });

        Assert.True(_plugin.Filter(spec, new ResourceBindingStatus(), Objects.Cluster("member1")).IsSuccess);
    }
}
