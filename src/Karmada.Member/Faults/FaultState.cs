namespace Karmada.Member.Faults;

/// <summary>The faults a simulated member currently exhibits; the default value is a healthy member.</summary>
public sealed record FaultState
{
    public static FaultState Healthy { get; } = new();

    /// <summary>Refuse every external request by aborting its connection.</summary>
    public bool Unreachable { get; init; }

    /// <summary>Latency added to every external request, in milliseconds.</summary>
    public int LatencyMilliseconds { get; init; }

    /// <summary>Share of external requests (0-100) answered with 500 InternalError.</summary>
    public int ErrorPercent { get; init; }

    /// <summary>Number of nodes reported NotReady (the first ones by name).</summary>
    public int NotReadyNodes { get; init; }

    /// <summary>
    /// Applies one fault argument of <c>karmada fault</c>: <c>healthy</c>, <c>unreachable</c>, <c>reachable</c>,
    /// <c>slow=MS</c>, <c>errors=PERCENT</c> or <c>notready-nodes=N</c>. Throws <see cref="ArgumentException"/> otherwise.
    /// </summary>
    public FaultState Apply(string argument)
    {
        ArgumentException.ThrowIfNullOrEmpty(argument);
        var equals = argument.IndexOf('=', StringComparison.Ordinal);
        var name = (equals < 0 ? argument : argument[..equals]).Trim().ToLowerInvariant();
        var value = equals < 0 ? null : argument[(equals + 1)..].Trim();
        return (name, value) switch
        {
            ("healthy", null) => Healthy,
            ("unreachable", null) => this with { Unreachable = true },
            ("reachable", null) => this with { Unreachable = false },
            ("slow", { } ms) => this with { LatencyMilliseconds = Number(argument, ms, 0, 600_000) },
            ("errors", { } percent) => this with { ErrorPercent = Number(argument, percent, 0, 100) },
            ("notready-nodes", { } count) => this with { NotReadyNodes = Number(argument, count, 0, 100_000) },
            _ => throw new ArgumentException(
                $"unknown fault '{argument}'; use healthy, unreachable, reachable, slow=MS, errors=PERCENT or notready-nodes=N"),
        };
    }

    public override string ToString() =>
        this == Healthy
            ? "healthy"
            : $"unreachable={Unreachable} slow={LatencyMilliseconds}ms errors={ErrorPercent}% notready-nodes={NotReadyNodes}";

    private static int Number(string argument, string text, int min, int max)
    {
        if (!int.TryParse(text, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var value) || value < min || value > max)
        {
            throw new ArgumentException($"invalid fault '{argument}': expected a whole number between {min} and {max}");
        }

        return value;
    }
}
