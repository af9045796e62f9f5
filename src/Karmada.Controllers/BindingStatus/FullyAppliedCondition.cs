using Karmada.Api.Meta;
using PolicyV1Alpha1 = Karmada.Api.Policy.V1Alpha1;
using WorkV1Alpha2 = Karmada.Api.Work.V1Alpha2;

namespace Karmada.Controllers.BindingStatus;

/// <summary>
/// The binding's <c>FullyApplied</c> condition (upstream <c>generateFullyAppliedCondition</c>): True when there is
/// exactly one applied, healthy status per cluster the binding targets, False otherwise (including before scheduling).
/// </summary>
public static class FullyAppliedCondition
{
    /// <summary>Condition message when every Work is applied.</summary>
    public const string SuccessMessage = "All works have been successfully applied";

    /// <summary>Condition message otherwise.</summary>
    public const string FailedMessage = "Failed to apply all works, see status.aggregatedStatus for details";

    /// <summary>The condition for <paramref name="spec"/> given the assembled statuses.</summary>
    public static Condition Generate(WorkV1Alpha2.ResourceBindingSpec spec, IReadOnlyList<WorkV1Alpha2.AggregatedStatusItem> statuses) =>
        WorksFullyApplied(statuses, TargetClusters(spec))
            ? new Condition
            {
                Type = WorkV1Alpha2.BindingConditionTypes.FullyApplied,
                Status = ConditionStatus.True,
                Reason = WorkV1Alpha2.BindingConditionReasons.FullyAppliedSuccess,
                Message = SuccessMessage,
            }
            : new Condition
            {
                Type = WorkV1Alpha2.BindingConditionTypes.FullyApplied,
                Status = ConditionStatus.False,
                Reason = WorkV1Alpha2.BindingConditionReasons.FullyAppliedFailed,
                Message = FailedMessage,
            };

    /// <summary>
    /// The clusters a binding's Works may live on (upstream <c>ObtainBindingSpecExistingClusters</c>): the scheduled
    /// ones, those of the bindings requiring it, and those being evicted unless their Works go at once.
    /// </summary>
    public static HashSet<string> TargetClusters(WorkV1Alpha2.ResourceBindingSpec spec)
    {
        ArgumentNullException.ThrowIfNull(spec);
        var clusters = new HashSet<string>(spec.Clusters.Select(c => c.Name), StringComparer.Ordinal);
        foreach (var snapshot in spec.RequiredBy)
        {
            clusters.UnionWith(snapshot.Clusters.Select(c => c.Name));
        }

        foreach (var task in spec.GracefulEvictionTasks)
        {
            if (task.PurgeMode is not (PolicyV1Alpha1.PurgeMode.Directly or PolicyV1Alpha1.PurgeMode.Immediately))
            {
                clusters.Add(task.FromCluster);
            }
        }

        return clusters;
    }

    /// <summary>Whether every target cluster has one applied, healthy status and no status is for another cluster.</summary>
    public static bool WorksFullyApplied(IReadOnlyList<WorkV1Alpha2.AggregatedStatusItem> statuses, IReadOnlySet<string> targetClusters)
    {
        ArgumentNullException.ThrowIfNull(statuses);
        ArgumentNullException.ThrowIfNull(targetClusters);
        if (targetClusters.Count == 0 || targetClusters.Count != statuses.Count)
        {
            return false;
        }

        return statuses.All(s => s.Applied && s.Health == WorkV1Alpha2.ResourceHealth.Healthy && targetClusters.Contains(s.ClusterName));
    }
}
