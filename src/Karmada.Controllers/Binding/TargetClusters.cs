using Karmada.Api.Policy.V1Alpha1;
using Karmada.Api.Work.V1Alpha2;
using WorkSuspension = Karmada.Api.Work.V1Alpha2.Suspension;

namespace Karmada.Controllers.Binding;

/// <summary>Which clusters a binding deploys to and keeps Works on (upstream <c>helper/binding.go</c> and <c>binding/common.go</c>).</summary>
public static class TargetClusters
{
    /// <summary>
    /// The clusters to render Works for: <c>spec.clusters</c>, then the clusters of the bindings that require this
    /// one (attached dependency bindings) that are not already scheduled, in order of appearance.
    /// </summary>
    public static IReadOnlyList<TargetCluster> Merge(ResourceBindingSpec spec)
    {
        ArgumentNullException.ThrowIfNull(spec);
        var result = new List<TargetCluster>(spec.Clusters);
        var seen = new HashSet<string>(spec.Clusters.Select(c => c.Name), StringComparer.Ordinal);
        foreach (var snapshot in spec.RequiredBy)
        {
            foreach (var cluster in snapshot.Clusters)
            {
                if (seen.Add(cluster.Name))
                {
                    result.Add(cluster);
                }
            }
        }

        return result;
    }

    /// <summary>
    /// The clusters whose Works must stay: scheduled, required-by, and the clusters of eviction tasks that are not purged
    /// directly (their old copy serves until the new one is healthy). Works elsewhere are orphans.
    /// </summary>
    public static IReadOnlySet<string> Existing(ResourceBindingSpec spec)
    {
        ArgumentNullException.ThrowIfNull(spec);
        var names = new HashSet<string>(Merge(spec).Select(c => c.Name), StringComparer.Ordinal);
        foreach (var task in spec.GracefulEvictionTasks)
        {
            if (!IsDirectPurge(task.PurgeMode))
            {
                names.Add(task.FromCluster);
            }
        }

        return names;
    }

    /// <summary>The clusters evicted with purge mode Directly: their Works must be gone before the new ones are written.</summary>
    public static IReadOnlySet<string> PurgedDirectly(ResourceBindingSpec spec)
    {
        ArgumentNullException.ThrowIfNull(spec);
        return spec.GracefulEvictionTasks.Where(t => IsDirectPurge(t.PurgeMode)).Select(t => t.FromCluster).ToHashSet(StringComparer.Ordinal);
    }

    /// <summary>Whether the Work for <paramref name="cluster"/> is suspended: all dispatching, or this cluster named.</summary>
    public static bool ShouldSuspendDispatching(WorkSuspension? suspension, string cluster) =>
        suspension is not null
        && (suspension.Dispatching == true || (suspension.DispatchingOnClusters?.ClusterNames.Contains(cluster) ?? false));

    /// <summary>
    /// Whether Job completions are divided across clusters: only for workloads scheduled with Divided replicas. Upstream
    /// treats a placement without replicaScheduling as Duplicated.
    /// </summary>
    public static bool NeedReviseJobCompletions(ResourceBindingSpec spec)
    {
        ArgumentNullException.ThrowIfNull(spec);
        return spec.Replicas > 0 && spec.Placement?.ReplicaScheduling?.ReplicaSchedulingType == ReplicaSchedulingType.Divided;
    }

    // Immediately is the deprecated spelling of Directly.
    private static bool IsDirectPurge(PurgeMode? mode) => mode is PurgeMode.Directly or PurgeMode.Immediately;
}
