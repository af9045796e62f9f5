using Karmada.Bench.Measurement;

namespace Karmada.Bench.Workloads.Fanout;

/// <summary>The figures of one fanout run.</summary>
public sealed class FanoutReport
{
    public int JoinedReady { get; set; }

    public LatencySummary JoinToReady { get; set; } = LatencySummary.Empty;

    /// <summary>Baseline: the same Deployment created directly in every member by 16 clients, first send → last response.</summary>
    public TimeSpan RawToAll { get; set; }

    /// <summary>Template create sent on the control plane → the Deployment exists in every member.</summary>
    public TimeSpan ToAll { get; set; }

    /// <summary>Template create sent → arrival in each member, ms.</summary>
    public LatencySummary Arrival { get; set; } = LatencySummary.Empty;

    public int Arrived { get; set; }

    public double Cores { get; set; }

    public long RssBytes { get; set; }
}
