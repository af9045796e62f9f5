namespace Karmada.Bench.Workloads.Members;

/// <summary>The knobs of the members workload: which fleet sizes to host, and the load put on each.</summary>
public sealed record MembersBenchSettings(
    IReadOnlyList<int> MemberCounts,
    int NodesPerMember,
    int Deployments,
    int Replicas,
    TimeSpan IdleWindow,
    int Concurrency)
{
    /// <summary>Full: 10 and 100 members × 100 nodes, 1,000 Deployments × 2 replicas, 30 s idle windows; small: 1 and 10 members × 10 nodes, 100 Deployments, 5 s.</summary>
    public static MembersBenchSettings For(BenchScale scale) => scale == BenchScale.Full
        ? new([10, 100], 100, 1000, 2, TimeSpan.FromSeconds(30), 16)
        : new([1, 10], 10, 100, 2, TimeSpan.FromSeconds(5), 16);
}
