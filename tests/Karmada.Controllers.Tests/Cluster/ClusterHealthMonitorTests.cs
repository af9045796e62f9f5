using Karmada.Api.Meta;
using Karmada.Controllers.Cluster;
using ClusterV1Alpha1 = Karmada.Api.Cluster.V1Alpha1;

namespace Karmada.Controllers.Tests.Cluster;

public sealed class ClusterHealthMonitorTests
{
    private static readonly DateTimeOffset T0 = new(2026, 11, 28, 10, 0, 0, TimeSpan.Zero);
    private readonly ClusterHealthMonitor _monitor = new(TimeSpan.FromSeconds(40), TimeSpan.FromSeconds(60));

    [Fact]
    public void LeaseRenewed_KeepsClusterAlive_PastTheGracePeriod()
    {
        var cluster = Cluster(ready: ConditionStatus.True, transition: T0);

        for (var t = 0; t <= 120; t += 10)
        {
            Assert.Null(_monitor.Observe(cluster, T0.AddSeconds(t), T0.AddSeconds(t)));
        }
    }

    [Fact]
    public void LeaseStale_PastGracePeriod_ReadyTurnsUnknown_Once()
    {
        var cluster = Cluster(ready: ConditionStatus.True, transition: T0);
        Assert.Null(_monitor.Observe(cluster, T0, T0));
        Assert.Null(_monitor.Observe(cluster, T0, T0.AddSeconds(40)));

        var unknown = _monitor.Observe(cluster, T0, T0.AddSeconds(41));

        Assert.NotNull(unknown);
        Assert.Equal((ClusterV1Alpha1.ClusterConditionTypes.Ready, ConditionStatus.Unknown, "ClusterStatusUnknown"), (unknown.Type, unknown.Status, unknown.Reason));
        Assert.Equal("Cluster status controller stopped posting cluster status.", unknown.Message);

        // Written: the cluster is Unknown now, and stays so without another write.
        var marked = Cluster(ready: ConditionStatus.Unknown, transition: T0.AddSeconds(41));
        Assert.Null(_monitor.Observe(marked, T0, T0.AddSeconds(42)));
        Assert.Null(_monitor.Observe(marked, T0, T0.AddSeconds(200)));
    }

    [Fact]
    public void ReadyTransition_CountsAsHeardFrom()
    {
        Assert.Null(_monitor.Observe(Cluster(ConditionStatus.True, T0), null, T0));
        Assert.Null(_monitor.Observe(Cluster(ConditionStatus.False, T0.AddSeconds(30)), null, T0.AddSeconds(30)));
        Assert.Null(_monitor.Observe(Cluster(ConditionStatus.False, T0.AddSeconds(30)), null, T0.AddSeconds(70)));
        Assert.NotNull(_monitor.Observe(Cluster(ConditionStatus.False, T0.AddSeconds(30)), null, T0.AddSeconds(71)));
    }

    [Fact]
    public void NeverReported_UsesStartupGracePeriodFromCreation()
    {
        var cluster = new ClusterV1Alpha1.Cluster { Metadata = new ObjectMeta { Name = "pull", CreationTimestamp = T0 } };

        Assert.Null(_monitor.Observe(cluster, null, T0.AddSeconds(60)));
        var unknown = _monitor.Observe(cluster, null, T0.AddSeconds(61));

        Assert.NotNull(unknown);
        Assert.Equal("ClusterStatusNeverUpdated", unknown.Reason);
    }

    [Fact]
    public void Forget_StartsOver()
    {
        var cluster = Cluster(ConditionStatus.True, T0);
        Assert.Null(_monitor.Observe(cluster, T0, T0));
        _monitor.Forget("pull");

        // First sight again: counted from now, not from the old probe.
        Assert.Null(_monitor.Observe(cluster, T0, T0.AddSeconds(100)));
        Assert.NotNull(_monitor.Observe(cluster, T0, T0.AddSeconds(141)));
    }

    private static ClusterV1Alpha1.Cluster Cluster(ConditionStatus ready, DateTimeOffset transition) => new()
    {
        Metadata = new ObjectMeta { Name = "pull", CreationTimestamp = T0.AddMinutes(-5) },
        Spec = new ClusterV1Alpha1.ClusterSpec { SyncMode = ClusterV1Alpha1.ClusterSyncMode.Pull },
        Status = new ClusterV1Alpha1.ClusterStatus
        {
            Conditions = [new Condition { Type = ClusterV1Alpha1.ClusterConditionTypes.Ready, Status = ready, Reason = "X", LastTransitionTime = transition }],
        },
    };
}
