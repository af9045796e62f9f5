using Karmada.Bench.Measurement;

namespace Karmada.Bench.Workloads.E2E;

/// <summary>The figures of one <c>e2e</c> run.</summary>
public sealed class E2EReport
{
    /// <summary>Baseline: the same Deployment (0 replicas) created on the control plane with no policy, one at a time (ms).</summary>
    public LatencySummary BaselineControlPlaneCreate { get; set; } = LatencySummary.Empty;

    /// <summary>Baseline: the same Deployment (0 replicas) created directly in a member, one at a time (ms).</summary>
    public LatencySummary BaselineMemberCreate { get; set; } = LatencySummary.Empty;

    /// <summary>
    /// Baseline: the members' own share of the scenario measured alone, without Karmada (see
    /// <see cref="MembersOnlyBaseline"/>), with warm code: between the paced and the unpaced phase.
    /// </summary>
    public MembersOnlyBaseline MembersOnly { get; set; } = MembersOnlyBaseline.None;

    /// <summary>
    /// The same baseline (half its size) run first, before anything went through the members: it also pays for their
    /// JIT and first-time paths (sessions 6 and 7 reported this one as the baseline).
    /// </summary>
    public MembersOnlyBaseline MembersOnlyCold { get; set; } = MembersOnlyBaseline.None;

    public int PacedDeployments { get; set; }

    public int PacedDistributed { get; set; }

    /// <summary>Paced: template create sent → Deployment and ConfigMap in every member the scheduler chose (ms).</summary>
    public LatencySummary PacedDistribution { get; set; } = LatencySummary.Empty;

    /// <summary>Paced: the template create request alone (ms), the baseline's counterpart under propagation load.</summary>
    public LatencySummary PacedCreate { get; set; } = LatencySummary.Empty;

    /// <summary>Paced: first create → every paced template reports all replicas ready on the control plane.</summary>
    public TimeSpan? PacedToAllReady { get; set; }

    public int UnpacedDeployments { get; set; }

    public int UnpacedDistributed { get; set; }

    public LatencySummary UnpacedDistribution { get; set; } = LatencySummary.Empty;

    /// <summary>Unpaced: first create → the last template complete in all its members.</summary>
    public TimeSpan UnpacedElapsed { get; set; }

    /// <summary>Works first seen on the control plane during <see cref="UnpacedElapsed"/>.</summary>
    public int UnpacedWorks { get; set; }

    /// <summary>Unpaced: first create → every unpaced template reports all replicas ready on the control plane.</summary>
    public TimeSpan? UnpacedToAllReady { get; set; }

    /// <summary>Templates seen ready, out of all created.</summary>
    public int Ready { get; set; }

    /// <summary>Process CPU time from the first paced create to the end of the unpaced phase (all ready or timed out).</summary>
    public TimeSpan Cpu { get; set; }

    /// <summary>Wall time of the same span as <see cref="Cpu"/>.</summary>
    public TimeSpan Elapsed { get; set; }

    /// <summary>
    /// What the process spent from the first unpaced create to every unpaced template ready (or timed out): CPU time,
    /// allocations and collections.
    /// </summary>
    public ResourceDelta UnpacedResources { get; set; } = new(TimeSpan.Zero, 0, 0, 0, 0);

    /// <summary>Time the runtime was paused for garbage collections in the same span.</summary>
    public TimeSpan UnpacedGcPause { get; set; }

    /// <summary>Unpaced CPU per Deployment, all of it: control plane, controllers, scheduler and members (ms).</summary>
    public double UnpacedCpuMsPerDeployment => UnpacedDeployments > 0 ? UnpacedResources.Cpu.TotalMilliseconds / UnpacedDeployments : 0;

    /// <summary>Unpaced allocation per Deployment, all of it (KiB).</summary>
    public double UnpacedAllocatedKiBPerDeployment => UnpacedDeployments > 0 ? UnpacedResources.AllocatedBytes / 1024.0 / UnpacedDeployments : 0;

    /// <summary>
    /// What the unpaced phase spent per Deployment above the members' own work measured alone: Karmada's share (ms),
    /// or null without a baseline.
    /// </summary>
    public double? KarmadaCpuMsPerDeployment => MembersOnly.Deployments > 0 ? UnpacedCpuMsPerDeployment - MembersOnly.CpuMsPerDeployment : null;

    /// <summary>The same for allocation: what the unpaced phase allocated per Deployment above the members alone (KiB).</summary>
    public double? KarmadaAllocatedKiBPerDeployment => MembersOnly.Deployments > 0 ? UnpacedAllocatedKiBPerDeployment - MembersOnly.AllocatedKiBPerDeployment : null;

    /// <summary>Highest RSS sampled every 250 ms from the start of the workload (after the fleet was up) to its end.</summary>
    public long PeakRssBytes { get; set; }

    /// <summary><c>/proc/loadavg</c>'s 1-minute figure at the start and the end (the machine is shared).</summary>
    public (double Start, double End) LoadAverage { get; set; }

    public double DeploymentsPerSecond => UnpacedElapsed.TotalSeconds > 0 ? UnpacedDistributed / UnpacedElapsed.TotalSeconds : 0;

    public double WorksPerSecond => UnpacedElapsed.TotalSeconds > 0 ? UnpacedWorks / UnpacedElapsed.TotalSeconds : 0;
}
