using System.Diagnostics;

namespace Karmada.Bench.Measurement;

/// <summary>Percentiles of a set of latencies, in milliseconds.</summary>
public sealed record LatencySummary(int Count, double P50, double P90, double P99, double Max, double Mean)
{
    public static LatencySummary Empty { get; } = new(0, 0, 0, 0, 0, 0);

    /// <summary>Summarises <see cref="Stopwatch"/> tick durations (the array is sorted in place).</summary>
    public static LatencySummary FromTicks(long[] ticks, int count)
    {
        if (count == 0)
        {
            return Empty;
        }

        Array.Sort(ticks, 0, count);
        double ToMs(long t) => t * 1000.0 / Stopwatch.Frequency;
        double At(double q) => ToMs(ticks[Math.Min(count - 1, (int)Math.Ceiling(q * count) - 1)]);
        var sum = 0.0;
        for (var i = 0; i < count; i++)
        {
            sum += ticks[i];
        }

        return new LatencySummary(count, At(0.50), At(0.90), At(0.99), ToMs(ticks[count - 1]), ToMs((long)(sum / count)));
    }
}
