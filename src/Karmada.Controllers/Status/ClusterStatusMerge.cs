using ClusterV1Alpha1 = Karmada.Api.Cluster.V1Alpha1;

namespace Karmada.Controllers.Status;

/// <summary>
/// Puts what the cluster status controller collected on a fresher copy of the Cluster (after a write conflict): the
/// version, API enablements, node and resource summaries and its two conditions are replaced; other conditions and
/// the resource modelings (written by other controllers) stay as the fresh copy has them.
/// </summary>
public static class ClusterStatusMerge
{
    private static readonly string[] OwnedConditions =
    [
        ClusterV1Alpha1.ClusterConditionTypes.Ready,
        ClusterV1Alpha1.ClusterConditionTypes.CompleteAPIEnablements,
    ];

    /// <summary>Returns <paramref name="fresh"/> with <paramref name="collected"/>'s owned fields applied.</summary>
    public static ClusterV1Alpha1.Cluster Apply(ClusterV1Alpha1.Cluster fresh, ClusterV1Alpha1.ClusterStatus collected)
    {
        ArgumentNullException.ThrowIfNull(fresh);
        ArgumentNullException.ThrowIfNull(collected);
        var status = fresh.Status;
        status.KubernetesVersion = collected.KubernetesVersion;
        status.ApiEnablements = collected.ApiEnablements;
        status.NodeSummary = collected.NodeSummary;
        if (collected.ResourceSummary is { } summary)
        {
            summary.AllocatableModelings = status.ResourceSummary?.AllocatableModelings ?? [];
            status.ResourceSummary = summary;
        }

        status.Conditions.RemoveAll(c => OwnedConditions.Contains(c.Type));
        status.Conditions.AddRange(collected.Conditions.Where(c => OwnedConditions.Contains(c.Type)));
        return fresh;
    }
}
