using Karmada.Bench.Measurement;

namespace Karmada.Bench.Workloads.Fanout;

/// <summary>The figures of one fanout run.</summary>
public sealed class FanoutReport
{
    public int JoinedReady { get; set; }

    public LatencySummary JoinToReady { get; set; } = LatencySummary.Empty;

    /// <summary>Cores the whole process (fleet, control plane, bench) uses with nothing to do: the floor both phases run on.</summary>
    public double IdleCores { get; set; }

    /// <summary>Baseline: the same Deployment created directly in every member by 16 clients, first send → last response.</summary>
    public TimeSpan RawToAll { get; set; }

    /// <summary>Latency of one direct create in a member (ms).</summary>
    public LatencySummary RawLatency { get; set; } = LatencySummary.Empty;

    /// <summary>Process resources while the baseline ran.</summary>
    public PhaseCost Raw { get; set; } = PhaseCost.Empty;

    /// <summary>
    /// Reconciles, queue waits and requests (controller-manager and member simulators alike) while the baseline ran,
    /// and until its creates were answered: what one direct create sets off in a member.
    /// </summary>
    public string RawControllers { get; set; } = "";

    /// <summary>The same from the template create to the last arrival.</summary>
    public string FanoutControllers { get; set; } = "";

    /// <summary>Template create sent on the control plane → the Deployment exists in every member.</summary>
    public TimeSpan ToAll { get; set; }

    /// <summary>Template create sent → arrival in each member, ms.</summary>
    public LatencySummary Arrival { get; set; } = LatencySummary.Empty;

    public int Arrived { get; set; }

    /// <summary>Process resources from the template create to the last arrival.</summary>
    public PhaseCost Fanout { get; set; } = PhaseCost.Empty;

    public double Cores { get; set; }

    public long RssBytes { get; set; }

    /// <summary>Thread-pool threads at the end of the fan-out.</summary>
    public int ThreadPoolThreads { get; set; }
}
