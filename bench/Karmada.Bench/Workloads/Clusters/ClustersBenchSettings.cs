using Karmada.Storage;

namespace Karmada.Bench.Workloads.Clusters;

/// <summary>The knobs of the clusters workload.</summary>
public sealed record ClustersBenchSettings(
    int Members,
    int NodesPerMember,
    double JoinsPerSecond,
    TimeSpan Window,
    int Samples,
    StorageBackend Backend)
{
    /// <summary>Full: 1,000 members × 2 nodes joined at 10/s, 30 s windows, 100 samples; small: 100 members, 20 s, 20 samples.</summary>
    public static ClustersBenchSettings For(BenchScale scale) => scale == BenchScale.Full
        ? new(1000, 2, 10, TimeSpan.FromSeconds(30), 100, StorageBackend.Sqlite)
        : new(100, 2, 10, TimeSpan.FromSeconds(20), 20, StorageBackend.Sqlite);
}
