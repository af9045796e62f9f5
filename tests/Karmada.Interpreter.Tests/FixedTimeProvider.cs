namespace Karmada.Interpreter.Tests;

/// <summary>A clock that always reads the same instant, so conditions written by aggregation are predictable.</summary>
internal sealed class FixedTimeProvider(DateTimeOffset now) : TimeProvider
{
    public override DateTimeOffset GetUtcNow() => now;
}
