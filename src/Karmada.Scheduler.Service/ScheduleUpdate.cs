using Karmada.Api.Meta;
using Karmada.Api.Work.V1Alpha2;

namespace Karmada.Scheduler.Service;

/// <summary>
/// What the scheduler writes to one binding after a scheduling attempt: at most one spec update and one status patch,
/// plus an Event. Null parts are not written.
/// </summary>
public sealed record ScheduleUpdate(SpecChange? Spec, StatusChange? Status, SchedulingEvent? Event)
{
    /// <summary>Nothing to write.</summary>
    public static ScheduleUpdate None { get; } = new(null, null, null);

    /// <summary>Whether this update writes anything to the binding itself.</summary>
    public bool WritesBinding => Spec is not null || Status is not null;
}

/// <summary>New <c>spec.clusters</c> and the <c>policy.karmada.io/applied-placement</c> annotation they were computed from.</summary>
public sealed record SpecChange(IReadOnlyList<TargetCluster> Clusters, string AppliedPlacement);

/// <summary>
/// The scheduler-owned status fields. <see cref="ObserveGeneration"/> sets <c>schedulerObservedGeneration</c> to the
/// binding's generation after the spec change, known only once written. Null fields are left as they are.
/// </summary>
public sealed record StatusChange(Condition? Scheduled, bool ObserveGeneration, DateTimeOffset? LastScheduledTime, string? AffinityName);

/// <summary>A core/v1 Event about the binding: <c>Normal</c> or <c>Warning</c>, a reason and a message.</summary>
public sealed record SchedulingEvent(string Type, string Reason, string Message);
