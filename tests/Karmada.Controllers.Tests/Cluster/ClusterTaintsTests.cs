using Karmada.Api.Core;
using Karmada.Api.Meta;
using Karmada.Controllers.Cluster;
using ClusterV1Alpha1 = Karmada.Api.Cluster.V1Alpha1;

namespace Karmada.Controllers.Tests.Cluster;

public sealed class ClusterTaintsTests
{
    private static Condition Ready(ConditionStatus status) => new() { Type = "Ready", Status = status };

    [Fact]
    public void Sync_ReadyFalse_AddsNotReadyAndRemovesUnreachable()
    {
        var taints = new List<Taint> { new() { Key = ClusterV1Alpha1.ClusterTaintKeys.Unreachable, Effect = TaintEffect.NoSchedule } };
        Assert.True(ClusterTaints.SyncWithReadyCondition(taints, Ready(ConditionStatus.False)));
        var taint = Assert.Single(taints);
        Assert.Equal(ClusterV1Alpha1.ClusterTaintKeys.NotReady, taint.Key);
        Assert.Equal(TaintEffect.NoSchedule, taint.Effect);
    }

    [Fact]
    public void Sync_ReadyUnknown_AddsUnreachable()
    {
        var taints = new List<Taint>();
        Assert.True(ClusterTaints.SyncWithReadyCondition(taints, Ready(ConditionStatus.Unknown)));
        Assert.Equal(ClusterV1Alpha1.ClusterTaintKeys.Unreachable, Assert.Single(taints).Key);
        Assert.False(ClusterTaints.SyncWithReadyCondition(taints, Ready(ConditionStatus.Unknown)));
    }

    [Fact]
    public void Sync_ReadyTrue_RemovesBothAndKeepsOthers()
    {
        var taints = new List<Taint>
        {
            new() { Key = ClusterV1Alpha1.ClusterTaintKeys.NotReady, Effect = TaintEffect.NoSchedule },
            new() { Key = ClusterV1Alpha1.ClusterTaintKeys.Unschedulable, Effect = TaintEffect.NoSchedule },
        };
        Assert.True(ClusterTaints.SyncWithReadyCondition(taints, Ready(ConditionStatus.True)));
        Assert.Equal(ClusterV1Alpha1.ClusterTaintKeys.Unschedulable, Assert.Single(taints).Key);
    }

    [Fact]
    public void Sync_NoReadyCondition_LeavesTaints() =>
        Assert.False(ClusterTaints.SyncWithReadyCondition([], null));
}
