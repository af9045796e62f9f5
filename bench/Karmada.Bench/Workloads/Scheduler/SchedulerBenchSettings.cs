using Karmada.Storage;

namespace Karmada.Bench.Workloads.Scheduler;

/// <summary>The knobs of the scheduler workload.</summary>
public sealed record SchedulerBenchSettings(
    int Bindings,
    IReadOnlyList<int> ClusterCounts,
    int Workers,
    double? Qps,
    StorageBackend Backend,
    int WarmBindings,
    int WarmConcurrency)
{
    /// <summary>Defaults per scale: 5,000 bindings for reported figures, 500 for a quick check; 10/100/1000 clusters.</summary>
    public static SchedulerBenchSettings For(BenchScale scale) => scale == BenchScale.Full
        ? new(5000, [10, 100, 1000], 1, null, StorageBackend.Sqlite, 500, 4)
        : new(500, [10, 100, 1000], 1, null, StorageBackend.Sqlite, 100, 4);
}
