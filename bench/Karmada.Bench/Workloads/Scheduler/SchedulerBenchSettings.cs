using Karmada.Scheduler.Service;
using Karmada.Storage;

namespace Karmada.Bench.Workloads.Scheduler;

/// <summary>The knobs of the scheduler workload.</summary>
public sealed record SchedulerBenchSettings(
    int Bindings,
    IReadOnlyList<int> ClusterCounts,
    IReadOnlyList<SchedulerBenchStrategy> Strategies,
    int Workers,
    double? Qps,
    StorageBackend Backend,
    int PacedBindings,
    double Rate)
{
    /// <summary>The steady creation rate of the latency phase (issue 5: "p99 latency at a steady 50/s").</summary>
    public const double DefaultRate = 50;

    /// <summary>
    /// Defaults per scale: 5,000 bindings at 10/100/1,000 clusters for reported figures; a quick check runs every
    /// strategy with 500 bindings at 10 and 100 clusters so it stays under a minute.
    /// </summary>
    public static SchedulerBenchSettings For(BenchScale scale) => scale == BenchScale.Full
        ? new(5000, [10, 100, 1000], Enum.GetValues<SchedulerBenchStrategy>(), SchedulerServiceOptions.DefaultWorkers, null, StorageBackend.Sqlite, 500, DefaultRate)
        : new(500, [10, 100], Enum.GetValues<SchedulerBenchStrategy>(), SchedulerServiceOptions.DefaultWorkers, null, StorageBackend.Sqlite, 100, DefaultRate);
}
