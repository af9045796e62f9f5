using Karmada.Api.Cluster.V1Alpha1;
using Karmada.Api.Meta;
using Karmada.Api.Policy.V1Alpha1;
using Karmada.Api.Work.V1Alpha2;
using Karmada.Policy.Selection;

namespace Karmada.Scheduler.Service;

/// <summary>
/// Which cluster changes re-enqueue bindings, and which bindings (upstream's <c>updateCluster</c> and
/// <c>enqueueAffectedBindings</c>). The queued binding then decides for itself through
/// <see cref="Triggers.SchedulingTriggers"/> whether it needs scheduling.
/// </summary>
public static class ClusterEventFilter
{
    /// <summary>
    /// Upstream's triggers (a deletion timestamp appears, labels change, the spec generation changes, which covers
    /// taints) plus changes upstream leaves to the taints the cluster controller keeps in step: the Ready condition
    /// and the enabled APIs. Without them a cluster created Ready, or whose APIs arrive late, would wait for the next
    /// binding change.
    /// </summary>
    public static bool AffectsScheduling(Cluster oldCluster, Cluster newCluster)
    {
        ArgumentNullException.ThrowIfNull(oldCluster);
        ArgumentNullException.ThrowIfNull(newCluster);
        return (oldCluster.Metadata.DeletionTimestamp is null && newCluster.Metadata.DeletionTimestamp is not null)
            || oldCluster.Metadata.Generation != newCluster.Metadata.Generation
            || !LabelsEqual(oldCluster.Metadata.Labels, newCluster.Metadata.Labels)
            || ReadyStatus(oldCluster) != ReadyStatus(newCluster)
            || !ApiEnablementsEqual(oldCluster.Status.ApiEnablements, newCluster.Status.ApiEnablements);
    }

    /// <summary>
    /// Whether a change of <paramref name="cluster"/> may change the binding's result: the binding's active affinity
    /// (<c>clusterAffinity</c>, or the observed term of <c>clusterAffinities</c>) matches the cluster or is absent. A
    /// binding with clusterAffinities whose status lags its generation is always affected, as upstream: it may not
    /// have settled on a term yet.
    /// </summary>
    public static bool AffectsBinding(ObjectMeta metadata, ResourceBindingSpec spec, ResourceBindingStatus status, Cluster cluster)
    {
        ArgumentNullException.ThrowIfNull(metadata);
        ArgumentNullException.ThrowIfNull(spec);
        ArgumentNullException.ThrowIfNull(status);
        ArgumentNullException.ThrowIfNull(cluster);
        if (spec.Placement is not { } placement)
        {
            return false;
        }

        ClusterAffinity? affinity;
        if (placement.ClusterAffinities.Count > 0)
        {
            if (status.SchedulerObservedGeneration != metadata.Generation)
            {
                return true;
            }

            var index = placement.ClusterAffinities.FindIndex(t => t.AffinityName == status.SchedulerObservedAffinityName);
            affinity = placement.ClusterAffinities[Math.Max(0, index)];
        }
        else
        {
            affinity = placement.ClusterAffinity;
        }

        return affinity is null || ClusterAffinityMatcher.Matches(cluster, affinity);
    }

    private static ConditionStatus? ReadyStatus(Cluster cluster) =>
        cluster.Status.Conditions.Find(c => c.Type == ClusterConditionTypes.Ready)?.Status;

    private static bool LabelsEqual(Dictionary<string, string> a, Dictionary<string, string> b) =>
        a.Count == b.Count && a.All(pair => b.TryGetValue(pair.Key, out var value) && value == pair.Value);

    private static bool ApiEnablementsEqual(List<APIEnablement> a, List<APIEnablement> b)
    {
        if (a.Count != b.Count)
        {
            return false;
        }

        for (var i = 0; i < a.Count; i++)
        {
            if (a[i].GroupVersion != b[i].GroupVersion
                || !a[i].Resources.Select(r => r.Kind).SequenceEqual(b[i].Resources.Select(r => r.Kind), StringComparer.Ordinal))
            {
                return false;
            }
        }

        return true;
    }
}
