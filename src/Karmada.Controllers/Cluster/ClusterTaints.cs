using Karmada.Api.Core;
using Karmada.Api.Meta;
using ClusterV1Alpha1 = Karmada.Api.Cluster.V1Alpha1;

namespace Karmada.Controllers.Cluster;

/// <summary>
/// Upstream's <c>taintClusterByCondition</c>: the NoSchedule taints that follow the Ready condition. Ready=False gives
/// <c>cluster.karmada.io/not-ready:NoSchedule</c>, Ready=Unknown gives <c>cluster.karmada.io/unreachable:NoSchedule</c>,
/// Ready=True removes both. A cluster that has not reported Ready yet is left alone.
/// </summary>
public static class ClusterTaints
{
    /// <summary>Brings <paramref name="taints"/> in step with <paramref name="ready"/>; returns whether it changed.</summary>
    public static bool SyncWithReadyCondition(List<Taint> taints, Condition? ready)
    {
        ArgumentNullException.ThrowIfNull(taints);
        if (ready is null)
        {
            return false;
        }

        var (add, remove) = ready.Status switch
        {
            ConditionStatus.False => ((string?)ClusterV1Alpha1.ClusterTaintKeys.NotReady, new[] { ClusterV1Alpha1.ClusterTaintKeys.Unreachable }),
            ConditionStatus.Unknown => (ClusterV1Alpha1.ClusterTaintKeys.Unreachable, new[] { ClusterV1Alpha1.ClusterTaintKeys.NotReady }),
            _ => (null, new[] { ClusterV1Alpha1.ClusterTaintKeys.NotReady, ClusterV1Alpha1.ClusterTaintKeys.Unreachable }),
        };
        var removed = taints.RemoveAll(t => t.Effect == TaintEffect.NoSchedule && remove.Contains(t.Key)) > 0;
        if (add is not null && !taints.Exists(t => t.Key == add && t.Effect == TaintEffect.NoSchedule))
        {
            taints.Add(new Taint { Key = add, Effect = TaintEffect.NoSchedule });
            return true;
        }

        return removed;
    }
}
