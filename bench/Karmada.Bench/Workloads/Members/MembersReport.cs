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
    public double PodsReadyPerSecond => LoadElapsed.TotalSeconds > 0 ? Pods * ((double)DeploymentsReady / Math.Max(1, Deployments)) / LoadElapsed.TotalSeconds : 0;
}

/// <summary>The process before any fleet, and one member with no nodes: what the fleets are compared with.</summary>
public sealed record MembersBaseline(long EmptyRssBytes, long EmptyManagedBytes, double EmptyIdleCores, long OneMemberRssBytes, long OneMemberManagedBytes, double OneMemberIdleCores);
