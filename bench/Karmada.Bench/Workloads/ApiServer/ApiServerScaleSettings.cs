namespace Karmada.Bench.Workloads.ApiServer;

/// <summary>Operation counts of the <c>apiserver</c> workload for one scale.</summary>
public sealed record ApiServerScaleSettings(
    int RawOpsC1,
    int RawOpsC16,
    int WarmupOps,
    int CreatesC1,
    int CreatesC16,
    int Gets,
    int Updates,
    int ListRepeats1k,
    int ListRepeats10k,
    int Watchers,
    int WatchWrites,
    int WatchWritesPerSecond)
{
    /// <summary>Finishes in well under a minute per backend.</summary>
    public static ApiServerScaleSettings Small { get; } = new(
        RawOpsC1: 1_000, RawOpsC16: 4_000, WarmupOps: 3_000, CreatesC1: 1_000, CreatesC16: 10_000,
        Gets: 20_000, Updates: 4_000, ListRepeats1k: 10, ListRepeats10k: 3, Watchers: 100, WatchWrites: 300, WatchWritesPerSecond: 100);

    /// <summary>The figures reported in docs/benchmarks.md: longer runs, more samples.</summary>
    public static ApiServerScaleSettings Full { get; } = new(
        RawOpsC1: 3_000, RawOpsC16: 20_000, WarmupOps: 10_000, CreatesC1: 1_000, CreatesC16: 10_000,
        Gets: 100_000, Updates: 20_000, ListRepeats1k: 30, ListRepeats10k: 10, Watchers: 100, WatchWrites: 1_000, WatchWritesPerSecond: 100);

    public static ApiServerScaleSettings For(BenchScale scale) => scale == BenchScale.Full ? Full : Small;
}
