namespace Karmada.Scheduler.Triggers;

/// <summary>
/// The verdict of <see cref="SchedulingTriggers.Evaluate"/>: whether to run the scheduler now, and if not, whether
/// <c>status.schedulerObservedGeneration</c> should be bumped to the binding's generation.
/// </summary>
public sealed record SchedulingDecision(ScheduleTrigger Trigger, bool ShouldSchedule, bool UpdateObservedGeneration, string Reason);
