namespace Karmada.Api.Work.V1Alpha2;

/// <summary>Reasons of the binding conditions.</summary>
public static class BindingConditionReasons
{
    /// <summary>Scheduled: the binding was scheduled successfully.</summary>
    public const string Success = "Success";

    /// <summary>Scheduled: an internal error happened while scheduling (e.g. API server unreachable).</summary>
    public const string SchedulerError = "SchedulerError";

    /// <summary>Scheduled: scheduling finished but no cluster fits.</summary>
    public const string NoClusterFit = "NoClusterFit";

    /// <summary>Scheduled: the binding cannot be scheduled now, e.g. for lack of resources.</summary>
    public const string Unschedulable = "Unschedulable";

    /// <summary>Scheduled: the requirements exceed a FederatedResourceQuota of the namespace.</summary>
    public const string QuotaExceeded = "QuotaExceeded";

    /// <summary>FullyApplied: applied on all scheduled clusters.</summary>
    public const string FullyAppliedSuccess = "FullyAppliedSuccess";

    /// <summary>FullyApplied: not applied on every scheduled cluster.</summary>
    public const string FullyAppliedFailed = "FullyAppliedFailed";
}
