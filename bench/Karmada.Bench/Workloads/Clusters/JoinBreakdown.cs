using Karmada.Bench.Measurement;

namespace Karmada.Bench.Workloads.Clusters;

/// <summary>
/// Join → Ready in parts, ms: every request of <c>karmadactl join</c> (its first request to its return, the Secret's
/// owner patch included), join start → the Cluster seen on a watch (created), and that → Ready=True seen on a watch
/// (the cluster status controller's first round and the watch delivery).
/// </summary>
public sealed record JoinBreakdown(LatencySummary JoinRequests, LatencySummary StartToCreated, LatencySummary CreatedToReady)
{
    public static JoinBreakdown Empty { get; } = new(LatencySummary.Empty, LatencySummary.Empty, LatencySummary.Empty);
}
