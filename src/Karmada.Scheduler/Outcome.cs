using System.Diagnostics.CodeAnalysis;

namespace Karmada.Scheduler;

/// <summary>A value or a <see cref="SchedulingFailure"/>: expected scheduling failures are values, not exceptions.</summary>
public readonly struct Outcome<T>
{
    /// <summary>A successful outcome.</summary>
    public Outcome(T value)
    {
        Value = value;
        Failure = null;
    }

    /// <summary>A failed outcome.</summary>
    public Outcome(SchedulingFailure failure)
    {
        ArgumentNullException.ThrowIfNull(failure);
        Value = default;
        Failure = failure;
    }

    /// <summary>The value; default when failed.</summary>
    public T? Value { get; }

    /// <summary>The failure; null when successful.</summary>
    public SchedulingFailure? Failure { get; }

    /// <summary>Whether there is a value.</summary>
    [MemberNotNullWhen(true, nameof(Value))]
    [MemberNotNullWhen(false, nameof(Failure))]
    public bool IsSuccess => Failure is null;
}
