using Karmada.Bench.Measurement;

namespace Karmada.Bench.Workloads.Clusters;

/// <summary>The figures of one clusters run.</summary>
public sealed class ClustersReport
{
    public TimeSpan MembersStartElapsed { get; set; }

    /// <summary>Cores used by the control plane's API server and the idle members before any controller runs.</summary>
    public double BaselineCores { get; set; }

    public int Joined { get; set; }

    public int JoinedReady { get; set; }

    /// <summary>Join started (<c>karmadactl join</c>'s first request) → Cluster Ready=True seen on a watch, ms.</summary>
    public LatencySummary JoinToReady { get; set; } = LatencySummary.Empty;

    public JoinBreakdown JoinParts { get; set; } = JoinBreakdown.Empty;

    public TimeSpan JoinElapsed { get; set; }

    /// <summary>Cores with every Cluster joined and Ready, nothing changing: heartbeats (probes + status collection) of all clusters plus the baseline.</summary>
    public double SteadyCores { get; set; }

    public double SteadyAllocatedMbPerSecond { get; set; }

    /// <summary>clusterStatus reconciles in the steady window, per second, and their wall time, ms.</summary>
    public double StatusReconcilesPerSecond { get; set; }

    public LatencySummary StatusReconcileTime { get; set; } = LatencySummary.Empty;

    /// <summary>First health probe after the member-side change → the change visible on the Cluster, ms.</summary>
    public LatencySummary ProcessingDelay { get; set; } = LatencySummary.Empty;

    /// <summary>Member-side change → visible on the Cluster, ms (includes waiting for the next probe round).</summary>
    public LatencySummary EndToEndDelay { get; set; } = LatencySummary.Empty;

    public int Samples { get; set; }

    public int SamplesMissed { get; set; }

    public long RssBytes { get; set; }

    public double HeartbeatCores => Math.Max(0, SteadyCores - BaselineCores);
}
