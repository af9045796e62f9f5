using Karmada.Bench.Measurement;

namespace Karmada.Bench.Workloads.Members;

/// <summary>The figures of one fleet size: footprint idle, the Deployment load, footprint under load.</summary>
public sealed record MembersFleetResult(
    int Members,
    int NodesPerMember,
    TimeSpan StartElapsed,
    double StartCores,
    long IdleRssBytes,
    long IdleManagedBytes,
    double IdleCores,
    double IdleAllocatedMbPerSecond,
    int Deployments,
    int DeploymentsReady,
    int Pods,
    TimeSpan LoadElapsed,
    double LoadCores,
    LatencySummary CreateToReady,
    long LoadedRssBytes,
    long LoadedManagedBytes,
    double LoadedIdleCores)
{
    /// <summary>Process CPU from the first create until every Deployment was Ready.</summary>
    public TimeSpan LoadCpu { get; init; }

    public long LoadAllocatedBytes { get; init; }

    /// <summary>The members' own components' requests by verb, from the first create to the end of the idle window after the load.</summary>
    public IReadOnlyDictionary<string, long> MemberRequests { get; init; } = new Dictionary<string, long>();

    public long MemberWrites { get; init; }

    /// <summary>Reconciles per controller over the same span.</summary>
    public IReadOnlyDictionary<string, long> Reconciles { get; init; } = new Dictionary<string, long>();

    public double CpuMsPerPod => Pods > 0 ? LoadCpu.TotalMilliseconds / Pods : 0;

    public double AllocatedKbPerPod => Pods > 0 ? LoadAllocatedBytes / 1024.0 / Pods : 0;

    public double WritesPerPod => Pods > 0 ? (double)MemberWrites / Pods : 0;

    public double PodsReadyPerSecond => LoadElapsed.TotalSeconds > 0 ? Pods * ((double)DeploymentsReady / Math.Max(1, Deployments)) / LoadElapsed.TotalSeconds : 0;
}

/// <summary>The process before any fleet, and one member with no nodes: what the fleets are compared with.</summary>
public sealed record MembersBaseline(long EmptyRssBytes, long EmptyManagedBytes, double EmptyIdleCores, long OneMemberRssBytes, long OneMemberManagedBytes, double OneMemberIdleCores);
