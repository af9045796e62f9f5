using Karmada.Storage;

namespace Karmada.Bench.Workloads.E2E;

/// <summary>
/// The knobs of the <c>e2e</c> workload: <see cref="Namespaces"/> × (1 ConfigMap, <see cref="DeploymentsPerNamespace"/>
/// Deployments and as many PropagationPolicies). The first half of the namespaces is created paced, the rest unpaced,
/// so the members hold exactly the scenario's replicas (upstream sized the nodes for them).
/// </summary>
public sealed record E2EBenchSettings(
    int Namespaces,
    int DeploymentsPerNamespace,
    int Replicas,
    int Members,
    int NodesPerMember,
    double PacedPerSecond,
    int BurstConcurrency,
    StorageBackend Backend)
{
    /// <summary>
    /// Deployments of the members-only baseline (<see cref="MembersOnlyBaseline"/>), run between the paced and the
    /// unpaced phase (and, half as many, cold before the paced phase); by default a twentieth of the scenario, so the
    /// members' pod capacity (110 pods per node) still holds every replica.
    /// </summary>
    public int MembersOnlyDeployments { get; init; } = DefaultMembersOnly(Namespaces * DeploymentsPerNamespace);

    public int Deployments => Namespaces * DeploymentsPerNamespace;

    /// <summary>The members-only baseline's default size for a scenario of <paramref name="deployments"/> Deployments.</summary>
    public static int DefaultMembersOnly(int deployments) => Math.Max(1, deployments / 20);

    /// <summary>Namespaces 0..PacedNamespaces-1 are created paced; the others unpaced.</summary>
    public int PacedNamespaces => (Namespaces + 1) / 2;

    /// <summary>
    /// Full is upstream's CI scenario (<c>hack/performance/clusterloader2-config.yaml</c>: 10 kwok members × 10 nodes,
    /// 10 namespaces × 100 Deployments × 10 replicas, 5 creates/s); small keeps the fleet and shrinks the load.
    /// </summary>
    public static E2EBenchSettings For(BenchScale scale) => scale == BenchScale.Full
        ? new(10, 100, 10, 10, 10, 5, 16, StorageBackend.Sqlite)
        : new(2, 20, 10, 10, 10, 5, 16, StorageBackend.Sqlite);
}
