using Karmada.Api.Work.V1Alpha2;

namespace Karmada.Scheduler;

/// <summary>A failed scheduling step, with the message upstream would put in the <c>Scheduled</c> condition.</summary>
public sealed record SchedulingFailure(SchedulingFailureKind Kind, string Message)
{
    /// <summary>The <c>Scheduled</c> condition reason for this failure.</summary>
    public string ConditionReason => Kind switch
    {
        SchedulingFailureKind.NoClusterFit => BindingConditionReasons.NoClusterFit,
        SchedulingFailureKind.Unschedulable => BindingConditionReasons.Unschedulable,
        _ => BindingConditionReasons.SchedulerError,
    };

    /// <summary>An Unschedulable failure.</summary>
    public static SchedulingFailure Unschedulable(string message) => new(SchedulingFailureKind.Unschedulable, message);

    /// <summary>An Error failure.</summary>
    public static SchedulingFailure Error(string message) => new(SchedulingFailureKind.Error, message);

    /// <summary>The same failure with a prefix, as Go's <c>fmt.Errorf("prefix: %w", err)</c> keeps the error type.</summary>
    public SchedulingFailure Wrap(string prefix) => this with { Message = $"{prefix}: {Message}" };
}
