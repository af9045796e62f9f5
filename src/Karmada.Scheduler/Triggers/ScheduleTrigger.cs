namespace Karmada.Scheduler.Triggers;

/// <summary>Why a binding is (or is not) scheduled now; the order of the values is the order upstream checks them.</summary>
public enum ScheduleTrigger
{
    /// <summary>Nothing changed: only <c>schedulerObservedGeneration</c> may need catching up.</summary>
    None,

    /// <summary>The binding is being deleted: skip it.</summary>
    BindingDeleting,

    /// <summary><c>spec.suspension.scheduling</c> is true: skip it.</summary>
    SchedulingSuspended,

    /// <summary>The binding has no placement: an error upstream.</summary>
    MissingPlacement,

    /// <summary>The placement differs from the <c>policy.karmada.io/applied-placement</c> annotation.</summary>
    PlacementChanged,

    /// <summary>The assigned replicas no longer add up to <c>spec.replicas</c>.</summary>
    ReplicasChanged,

    /// <summary><c>spec.rescheduleTriggeredAt</c> is later than <c>status.lastScheduledTime</c>.</summary>
    RescheduleTriggered,

    /// <summary>Non-workloads (no replicas) and Duplicated bindings are always rescheduled so new matching clusters get them.</summary>
    AlwaysScheduled,

    /// <summary>A cluster the binding targets is being deleted.</summary>
    TargetClusterTerminating,
}
