using Karmada.Storage;

namespace Karmada.Bench.Workloads.Fanout;

/// <summary>The knobs of the fanout workload.</summary>
public sealed record FanoutBenchSettings(int Members, int NodesPerMember, int Replicas, double JoinsPerSecond, StorageBackend Backend)
{
    /// <summary>Full: 1,000 members × 1 node; small: 100.</summary>
    public static FanoutBenchSettings For(BenchScale scale) => scale == BenchScale.Full
        ? new(1000, 1, 1, 20, StorageBackend.Sqlite)
        : new(100, 1, 1, 20, StorageBackend.Sqlite);
}
