namespace Karmada.Bench.Workloads.E2E;

/// <summary>
/// The members' own work in the scenario, measured without Karmada: for each of <see cref="Deployments"/>
/// Deployments, its per-member copy (one replica each, as the scheduler divides 10 replicas over 10 members) created
/// directly in every member by as many clients as the unpaced phase uses, until every copy reports its replica ready.
/// Everything the members do for a propagated Deployment (ReplicaSet, pod, scheduling, kubelet, status writes, and the
/// create request itself) is in it, so the unpaced phase's CPU per Deployment minus this one is what Karmada adds.
/// </summary>
/// <param name="Deployments">Control-plane Deployments' worth of member copies created.</param>
/// <param name="Ready">Those whose copies all reported ready in time.</param>
/// <param name="Cpu">Process CPU time from the first create to the last copy ready.</param>
/// <param name="Elapsed">Wall time of the same span.</param>
/// <param name="AllocatedBytes">Bytes the process allocated in the same span.</param>
/// <param name="GcPause">Time the runtime was paused for garbage collections in the same span.</param>
public sealed record MembersOnlyBaseline(int Deployments, int Ready, TimeSpan Cpu, TimeSpan Elapsed, long AllocatedBytes, TimeSpan GcPause)
{
    public static MembersOnlyBaseline None { get; } = new(0, 0, TimeSpan.Zero, TimeSpan.Zero, 0, TimeSpan.Zero);

    public double CpuMsPerDeployment => Deployments > 0 ? Cpu.TotalMilliseconds / Deployments : 0;

    public double AllocatedKiBPerDeployment => Deployments > 0 ? AllocatedBytes / 1024.0 / Deployments : 0;

    public double DeploymentsPerSecond => Elapsed.TotalSeconds > 0 ? Ready / Elapsed.TotalSeconds : 0;
}
