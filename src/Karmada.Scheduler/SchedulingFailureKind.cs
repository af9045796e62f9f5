namespace Karmada.Scheduler;

/// <summary>How a scheduling step failed; maps onto the <c>Scheduled</c> condition reasons.</summary>
public enum SchedulingFailureKind
{
    /// <summary>No cluster passed the filters (upstream <c>FitError</c>, reason <c>NoClusterFit</c>).</summary>
    NoClusterFit,

    /// <summary>Clusters fit but cannot hold the replicas (upstream <c>UnschedulableError</c>, reason <c>Unschedulable</c>).</summary>
    Unschedulable,

    /// <summary>Anything else (reason <c>SchedulerError</c>).</summary>
    Error,
}
