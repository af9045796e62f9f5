using Karmada.Api;
using Karmada.Api.Core;
using Karmada.Api.Meta;
using Karmada.Api.Policy.V1Alpha1;
using Karmada.Api.WellKnown;
using Karmada.Api.Work.V1Alpha2;
using Karmada.Controllers.Eviction;
using ClusterV1Alpha1 = Karmada.Api.Cluster.V1Alpha1;
using Taint = Karmada.Api.Core.Taint;

namespace Karmada.Controllers.Tests.Eviction;

public sealed class EvictionNoExecuteTaintTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 28, 12, 0, 0, TimeSpan.Zero);

    private static Taint NotReady(TaintEffect effect, DateTimeOffset? added = null) =>
        new() { Key = ClusterV1Alpha1.ClusterTaintKeys.NotReady, Effect = effect, TimeAdded = added };

    private static Toleration TolerateNotReady(long? seconds) => new()
    {
        Key = ClusterV1Alpha1.ClusterTaintKeys.NotReady,
        Operator = TolerationOperator.Exists,
        Effect = TaintEffect.NoExecute,
        TolerationSeconds = seconds,
    };

    [Fact]
    public void Decide_NoNoExecuteTaint_Tolerated()
    {
        Assert.Equal(EvictionDecision.Tolerated, NoExecuteTaintEviction.Decide([NotReady(TaintEffect.NoSchedule)], [], Now));
        Assert.Equal(EvictionDecision.Tolerated, NoExecuteTaintEviction.Decide([], [], Now));
    }

    [Fact]
    public void Decide_UntoleratedNoExecuteTaint_EvictsNow() =>
        Assert.Equal(EvictionDecision.Now, NoExecuteTaintEviction.Decide([NotReady(TaintEffect.NoExecute, Now)], [], Now));

    [Fact]
    public void Decide_ToleratedWithoutSeconds_Forever() =>
        Assert.Equal(EvictionDecision.Tolerated, NoExecuteTaintEviction.Decide([NotReady(TaintEffect.NoExecute, Now.AddDays(-1))], [TolerateNotReady(null)], Now));

    [Fact]
    public void Decide_TolerationSeconds_CountFromTimeAdded()
    {
        var taints = new[] { NotReady(TaintEffect.NoExecute, Now.AddSeconds(-20)) };
        Assert.Equal(EvictionDecision.After(TimeSpan.FromSeconds(10)), NoExecuteTaintEviction.Decide(taints, [TolerateNotReady(30)], Now));
        Assert.Equal(EvictionDecision.Now, NoExecuteTaintEviction.Decide(taints, [TolerateNotReady(20)], Now));
        Assert.Equal(EvictionDecision.Now, NoExecuteTaintEviction.Decide(taints, [TolerateNotReady(0)], Now));
    }

    [Fact]
    public void Decide_SeveralTaints_EarliestEndWins_AndOneUntoleratedEvicts()
    {
        var unreachable = new Taint { Key = ClusterV1Alpha1.ClusterTaintKeys.Unreachable, Effect = TaintEffect.NoExecute, TimeAdded = Now };
        var tolerateUnreachable = new Toleration { Key = ClusterV1Alpha1.ClusterTaintKeys.Unreachable, Operator = TolerationOperator.Exists, TolerationSeconds = 5 };
        Taint[] taints = [NotReady(TaintEffect.NoExecute, Now), unreachable];

        Assert.Equal(EvictionDecision.After(TimeSpan.FromSeconds(5)), NoExecuteTaintEviction.Decide(taints, [TolerateNotReady(60), tolerateUnreachable], Now));
        Assert.Equal(EvictionDecision.Now, NoExecuteTaintEviction.Decide(taints, [TolerateNotReady(60)], Now));
    }

    [Theory]
    [InlineData(null, PurgeMode.Gracefully, PurgeMode.Gracefully)]
    [InlineData(null, PurgeMode.Directly, PurgeMode.Directly)]
    [InlineData(null, PurgeMode.Never, PurgeMode.Gracefully)]
    [InlineData(PurgeMode.Directly, PurgeMode.Gracefully, PurgeMode.Directly)]
    [InlineData(PurgeMode.Never, PurgeMode.Directly, PurgeMode.Never)]
    public void PurgeModeFor_BindingFailoverFirst_ThenFlag(PurgeMode? bindingMode, PurgeMode flag, PurgeMode expected)
    {
        var failover = bindingMode is null ? null : new FailoverBehavior { Cluster = new ClusterFailoverBehavior { PurgeMode = bindingMode } };
        Assert.Equal(expected, NoExecuteTaintEviction.PurgeModeFor(failover, flag));
    }

    [Fact]
    public void PurgeModeFor_ClusterFailoverWithoutMode_IsGracefully() =>
        Assert.Equal(PurgeMode.Gracefully, NoExecuteTaintEviction.PurgeModeFor(new FailoverBehavior { Cluster = new ClusterFailoverBehavior() }, PurgeMode.Directly));

    [Fact]
    public void EvictCluster_RemovesTargetAndAddsTaintManagerTask_Once()
    {
        var spec = new ResourceBindingSpec { Clusters = [new() { Name = "m1", Replicas = 3 }, new() { Name = "m2", Replicas = 1 }] };

        Assert.True(NoExecuteTaintEviction.EvictCluster(spec, "m1", PurgeMode.Gracefully, "why"));

        Assert.Equal("m2", Assert.Single(spec.Clusters).Name);
        var task = Assert.Single(spec.GracefulEvictionTasks);
        Assert.Equal(("m1", 3, EvictionReasons.TaintUntolerated, EvictionProducers.TaintManager, PurgeMode.Gracefully, "why"),
            (task.FromCluster, task.Replicas, task.Reason, task.Producer, task.PurgeMode, task.Message));
        Assert.Null(task.SuppressDeletion);
        Assert.Null(task.CreationTimestamp);
        Assert.False(NoExecuteTaintEviction.EvictCluster(spec, "m1", PurgeMode.Gracefully, "again"));

        // Scheduled there again while the first task is still running: removed, no second task.
        spec.Clusters.Add(new TargetCluster { Name = "m1", Replicas = 2 });
        Assert.True(NoExecuteTaintEviction.EvictCluster(spec, "m1", PurgeMode.Gracefully, "again"));
        Assert.Single(spec.GracefulEvictionTasks);
        Assert.DoesNotContain(spec.Clusters, c => c.Name == "m1");
    }

    [Fact]
    public void EvictCluster_NeverKeepsTheCopy_NoReplicasForNonWorkloads()
    {
        var spec = new ResourceBindingSpec { Clusters = [new() { Name = "m1" }] };
        NoExecuteTaintEviction.EvictCluster(spec, "m1", PurgeMode.Never, "why");
        var task = Assert.Single(spec.GracefulEvictionTasks);
        Assert.True(task.SuppressDeletion);
        Assert.Null(task.Replicas);
    }

    [Fact]
    public void AppliedPlacement_ReadsTheSchedulersAnnotation()
    {
        var placement = new Placement { ClusterTolerations = [TolerateNotReady(30)] };
        var metadata = new ObjectMeta { Annotations = { [WellKnownAnnotations.AppliedPlacement] = KarmadaJson.Serialize(placement) } };
        Assert.Equal(30, Assert.Single(NoExecuteTaintEviction.AppliedPlacement(metadata)!.ClusterTolerations).TolerationSeconds);

        Assert.Null(NoExecuteTaintEviction.AppliedPlacement(new ObjectMeta()));
        Assert.Null(NoExecuteTaintEviction.AppliedPlacement(new ObjectMeta { Annotations = { [WellKnownAnnotations.AppliedPlacement] = "{not json" } }));
    }
}
