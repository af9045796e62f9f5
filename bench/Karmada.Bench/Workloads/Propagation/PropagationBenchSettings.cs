using Karmada.Storage;

namespace Karmada.Bench.Workloads.Propagation;

/// <summary>The knobs of the propagation workload.</summary>
public sealed record PropagationBenchSettings(
    int Deployments,
    int Members,
    int TargetsPerDeployment,
    int Replicas,
    double PacedPerSecond,
    int BurstConcurrency,
    StorageBackend Backend)
{
    /// <summary>Defaults per scale: 1,000 Deployments for reported figures, 100 for a quick check; 10 members, 3 targets each.</summary>
    public static PropagationBenchSettings For(BenchScale scale) => scale == BenchScale.Full
        ? new(1000, 10, 3, 1, 5, 16, StorageBackend.Sqlite)
        : new(100, 10, 3, 1, 5, 16, StorageBackend.Sqlite);
}
