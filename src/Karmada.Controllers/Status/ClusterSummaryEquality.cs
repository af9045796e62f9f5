using Karmada.Api.Core;
using ClusterV1Alpha1 = Karmada.Api.Cluster.V1Alpha1;

namespace Karmada.Controllers.Status;

/// <summary>Node and resource summaries compared field by field (each status round compares both; nothing is serialized).</summary>
internal static class ClusterSummaryEquality
{
    public static bool AreEqual(ClusterV1Alpha1.NodeSummary? left, ClusterV1Alpha1.NodeSummary? right) =>
        left is null || right is null ? left == right : left.TotalNum == right.TotalNum && left.ReadyNum == right.ReadyNum;

    public static bool AreEqual(ClusterV1Alpha1.ResourceSummary? left, ClusterV1Alpha1.ResourceSummary? right)
    {
        if (left is null || right is null)
        {
            return left == right;
        }

        return AreEqual(left.Allocatable, right.Allocatable)
            && AreEqual(left.Allocating, right.Allocating)
            && AreEqual(left.Allocated, right.Allocated)
            && left.AllocatableModelings.Count == right.AllocatableModelings.Count
            && left.AllocatableModelings.Zip(right.AllocatableModelings).All(p => p.First.Grade == p.Second.Grade && p.First.Count == p.Second.Count);
    }

    private static bool AreEqual(ResourceList left, ResourceList right)
    {
        if (left.Count != right.Count)
        {
            return false;
        }

        foreach (var (name, quantity) in left)
        {
            if (!right.TryGetValue(name, out var other) || other != quantity)
            {
                return false;
            }
        }

        return true;
    }
}
