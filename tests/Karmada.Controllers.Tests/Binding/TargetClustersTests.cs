using Karmada.Api.Policy.V1Alpha1;
using Karmada.Api.Work.V1Alpha2;
using Karmada.Controllers.Binding;

namespace Karmada.Controllers.Tests.Binding;

public sealed class TargetClustersTests
{
    private static ResourceBindingSpec Spec() => new()
    {
        Clusters = [new() { Name = "a", Replicas = 1 }],
        RequiredBy = [new BindingSnapshot { Name = "x", Clusters = [new() { Name = "a" }, new() { Name = "b" }] }],
        GracefulEvictionTasks =
        [
            new GracefulEvictionTask { FromCluster = "c", PurgeMode = PurgeMode.Gracefully },
            new GracefulEvictionTask { FromCluster = "d", PurgeMode = PurgeMode.Directly },
            new GracefulEvictionTask { FromCluster = "e", PurgeMode = PurgeMode.Immediately },
        ],
    };

    [Fact]
    public void Merge_ScheduledThenRequiredBy_NoDuplicates() =>
        Assert.Equal(["a", "b"], TargetClusters.Merge(Spec()).Select(c => c.Name));

    [Fact]
    public void Existing_KeepsGracefulEvictions_NotDirectOnes() =>
        Assert.Equal(["a", "b", "c"], TargetClusters.Existing(Spec()).Order(StringComparer.Ordinal));

    [Fact]
    public void PurgedDirectly_DirectlyAndImmediately() =>
        Assert.Equal(["d", "e"], TargetClusters.PurgedDirectly(Spec()).Order(StringComparer.Ordinal));

    [Fact]
    public void ShouldSuspendDispatching_AllOrNamedClusters()
    {
        Assert.False(TargetClusters.ShouldSuspendDispatching(null, "a"));
        Assert.True(TargetClusters.ShouldSuspendDispatching(new Karmada.Api.Work.V1Alpha2.Suspension { Dispatching = true }, "a"));
        var some = new Karmada.Api.Work.V1Alpha2.Suspension { DispatchingOnClusters = new SuspendClusters { ClusterNames = ["b"] } };
        Assert.False(TargetClusters.ShouldSuspendDispatching(some, "a"));
        Assert.True(TargetClusters.ShouldSuspendDispatching(some, "b"));
    }
}
