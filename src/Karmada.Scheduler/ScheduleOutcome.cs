using System.Diagnostics.CodeAnalysis;

namespace Karmada.Scheduler;

/// <summary>The result of <see cref="GenericScheduler.Schedule"/>: a decision, or the diagnosis of why there is none.</summary>
public sealed class ScheduleOutcome
{
    internal ScheduleOutcome(ScheduleResult? result, ScheduleDiagnosis? diagnosis, IReadOnlyList<ScheduleDiagnosis> failedAttempts)
    {
        Result = result;
        Diagnosis = diagnosis;
        FailedAttempts = failedAttempts;
    }

    /// <summary>The decision; null when scheduling failed.</summary>
    public ScheduleResult? Result { get; }

    /// <summary>The failure reported (upstream reports the first term's); null on success.</summary>
    public ScheduleDiagnosis? Diagnosis { get; }

    /// <summary>Every clusterAffinities term that failed before the outcome, in the order tried.</summary>
    public IReadOnlyList<ScheduleDiagnosis> FailedAttempts { get; }

    /// <summary>Whether there is a decision.</summary>
    [MemberNotNullWhen(true, nameof(Result))]
    [MemberNotNullWhen(false, nameof(Diagnosis))]
    public bool IsScheduled => Result is not null;
}
