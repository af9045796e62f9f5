using System.Globalization;
using Karmada.Api;
using Karmada.Api.Meta;
using Karmada.Api.WellKnown;
using Karmada.Api.Work.V1Alpha2;
using Karmada.Scheduler.Triggers;

namespace Karmada.Scheduler.Service;

/// <summary>
/// Turns a scheduling decision into the writes for one binding (upstream's <c>patchScheduleResultFor*</c>,
/// <c>patchBindingStatusCondition</c> and <c>recordScheduleResultEventFor*</c>). Pure: the caller writes the result.
/// </summary>
public static class ScheduleUpdatePlanner
{
    /// <summary>Upstream's <c>successfulSchedulingMessage</c>, the Scheduled=True condition message.</summary>
    public const string SuccessMessage = "Binding has been scheduled successfully.";

    /// <summary>Event reason after a successful schedule.</summary>
    public const string ScheduleSucceededReason = "ScheduleBindingSucceed";

    /// <summary>Event reason after a failed schedule.</summary>
    public const string ScheduleFailedReason = "ScheduleBindingFailed";

    /// <summary>
    /// The writes when the triggers say no scheduling is needed: only <c>schedulerObservedGeneration</c> catches up
    /// with the generation, so that others can tell the scheduler saw the change.
    /// </summary>
    public static ScheduleUpdate ForUnscheduled(SchedulingDecision decision)
    {
        ArgumentNullException.ThrowIfNull(decision);
        return decision.UpdateObservedGeneration ? new(null, new StatusChange(null, true, null, null), null) : ScheduleUpdate.None;
    }

    /// <summary>
    /// The writes after <see cref="GenericScheduler.Schedule"/>. On success: the new clusters and applied placement
    /// when they differ, and a status with Scheduled=True, the observed generation and <c>lastScheduledTime</c>. A
    /// re-run that changes nothing (Duplicated bindings are re-run on every event) writes nothing, unless a reschedule
    /// was requested, which must move <c>lastScheduledTime</c> past <c>rescheduleTriggeredAt</c>. On failure:
    /// Scheduled=False with the per-cluster reasons, and empty clusters when no cluster fits. An Event goes with every
    /// write.
    /// </summary>
    public static ScheduleUpdate ForOutcome(SchedulableBinding binding, SchedulingDecision decision, ScheduleOutcome outcome, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(binding);
        ArgumentNullException.ThrowIfNull(decision);
        ArgumentNullException.ThrowIfNull(outcome);
        var applied = binding.Spec.Placement is { } placement ? KarmadaJson.Serialize(placement) : string.Empty;
        var current = binding.Status.Conditions.Find(c => c.Type == BindingConditionTypes.Scheduled);
        if (outcome.IsScheduled)
        {
            var targets = outcome.Result.TargetClusters;
            var spec = SpecDiffers(binding, targets, applied) ? new SpecChange(targets, applied) : null;
            var condition = NewCondition(ConditionStatus.True, BindingConditionReasons.Success, SuccessMessage, current, now);
            var affinity = outcome.Result.AffinityName;
            var statusNeeded = spec is not null
                || !SameCondition(current, condition)
                || binding.Status.SchedulerObservedGeneration != binding.Metadata.Generation
                || binding.Status.LastScheduledTime is null
                || (affinity is not null && affinity != binding.Status.SchedulerObservedAffinityName)
                || decision.Trigger == ScheduleTrigger.RescheduleTriggered;
            if (!statusNeeded)
            {
                return ScheduleUpdate.None;
            }

            var message = $"{SuccessMessage} Result: {{{DescribeTargets(targets)}}}";
            return new(spec, new StatusChange(condition, true, now, affinity), new SchedulingEvent("Normal", ScheduleSucceededReason, message));
        }

        var diagnosis = outcome.Diagnosis;
        var failureMessage = DescribeFailure(diagnosis);
        var failed = NewCondition(ConditionStatus.False, diagnosis.Failure.ConditionReason, failureMessage, current, now);
        var clear = diagnosis.ClearsTargets && SpecDiffers(binding, [], applied) ? new SpecChange([], applied) : null;
        var status = SameCondition(current, failed) ? null : new StatusChange(failed, false, null, null);
        return clear is null && status is null
            ? ScheduleUpdate.None
            : new(clear, status, new SchedulingEvent("Warning", ScheduleFailedReason, failureMessage));
    }

    /// <summary>
    /// The failure as people need it: upstream's message, then each cluster that was not used with the filter that
    /// rejected it and why, e.g. <c>0/2 clusters are available: …; member1 (TaintToleration): untolerated taint …</c>.
    /// </summary>
    public static string DescribeFailure(ScheduleDiagnosis diagnosis)
    {
        ArgumentNullException.ThrowIfNull(diagnosis);
        var clusters = diagnosis.Clusters
            .Where(c => c.Explanation is not null)
            .OrderBy(c => c.Cluster, StringComparer.Ordinal)
            .Select(c => c.RejectedBy is null ? $"{c.Cluster}: {c.Explanation}" : $"{c.Cluster} ({c.RejectedBy}): {c.Explanation}")
            .ToList();
        return clusters.Count == 0 ? diagnosis.Failure.Message : $"{diagnosis.Failure.Message}; {string.Join("; ", clusters)}";
    }

    /// <summary>Upstream's <c>targetClustersToString</c>: <c>member1:2, member2:1</c>.</summary>
    public static string DescribeTargets(IReadOnlyList<TargetCluster> targets)
    {
        ArgumentNullException.ThrowIfNull(targets);
        return string.Join(", ", targets.Select(t => string.Create(CultureInfo.InvariantCulture, $"{t.Name}:{t.Replicas}")));
    }

    private static bool SpecDiffers(SchedulableBinding binding, IReadOnlyList<TargetCluster> targets, string applied) =>
        !binding.Metadata.Annotations.TryGetValue(WellKnownAnnotations.AppliedPlacement, out var current)
        || current != applied
        || !SameTargets(binding.Spec.Clusters, targets);

    /// <summary>Whether two target lists are the same clusters, replicas and components, in the same order.</summary>
    public static bool SameTargets(IReadOnlyList<TargetCluster> a, IReadOnlyList<TargetCluster> b)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        if (a.Count != b.Count)
        {
            return false;
        }

        for (var i = 0; i < a.Count; i++)
        {
            if (a[i].Name != b[i].Name || a[i].Replicas != b[i].Replicas)
            {
                return false;
            }

            if ((a[i].Components.Count > 0 || b[i].Components.Count > 0)
                && KarmadaJson.Serialize(a[i].Components) != KarmadaJson.Serialize(b[i].Components))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Like <c>meta.SetStatusCondition</c>: the transition time only moves when the status does.</summary>
    private static Condition NewCondition(ConditionStatus status, string reason, string message, Condition? current, DateTimeOffset now) => new()
    {
        Type = BindingConditionTypes.Scheduled,
        Status = status,
        Reason = reason,
        Message = message,
        LastTransitionTime = current is not null && current.Status == status ? current.LastTransitionTime : now,
    };

    private static bool SameCondition(Condition? current, Condition next) =>
        current is not null && current.Status == next.Status && current.Reason == next.Reason && current.Message == next.Message;
}
