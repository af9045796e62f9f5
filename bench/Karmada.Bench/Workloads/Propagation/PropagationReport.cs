using Karmada.Bench.Measurement;

namespace Karmada.Bench.Workloads.Propagation;

/// <summary>The figures of one propagation run.</summary>
public sealed class PropagationReport
{
    /// <summary>Baseline: the same Deployment created on the control plane with no policy, one at a time (request latency, ms).</summary>
    public LatencySummary BaselineControlPlaneCreate { get; set; } = LatencySummary.Empty;

    /// <summary>Baseline: the same Deployment created directly in a member, one at a time (request latency, ms).</summary>
    public LatencySummary BaselineMemberCreate { get; set; } = LatencySummary.Empty;

    /// <summary>Paced: template create → Deployment and ConfigMap exist in every target member, in ms.</summary>
    public LatencySummary PacedDistribution { get; set; } = LatencySummary.Empty;

    /// <summary>Paced: the Deployment create request alone, in ms (the baseline's counterpart under propagation load).</summary>
    public LatencySummary PacedCreate { get; set; } = LatencySummary.Empty;

    public int PacedDistributed { get; set; }

    public ResourceDelta? PacedResources { get; set; }

    public TimeSpan PacedElapsed { get; set; }

    /// <summary>Unpaced: first create → the last application in every target member.</summary>
    public TimeSpan BurstElapsed { get; set; }

    public int BurstDistributed { get; set; }

    /// <summary>Works first seen on the control plane during the unpaced phase.</summary>
    public int BurstWorks { get; set; }

    public LatencySummary BurstDistribution { get; set; } = LatencySummary.Empty;

    public ResourceDelta? BurstResources { get; set; }

    public long RssBytesAfter { get; set; }

    public double BurstDeploymentsPerSecond => BurstElapsed.TotalSeconds > 0 ? BurstDistributed / BurstElapsed.TotalSeconds : 0;

    public double BurstWorksPerSecond => BurstElapsed.TotalSeconds > 0 ? BurstWorks / BurstElapsed.TotalSeconds : 0;

    /// <summary>Average cores busy (process CPU time / wall time) during a phase.</summary>
    public static double Cores(ResourceDelta? resources, TimeSpan elapsed) =>
        resources is null || elapsed.TotalSeconds <= 0 ? 0 : resources.Cpu.TotalSeconds / elapsed.TotalSeconds;
}
