using Karmada.Bench.Workloads.ApiServer;
using Karmada.Bench.Workloads.Clusters;
using Karmada.Bench.Workloads.E2E;
using Karmada.Bench.Workloads.Fanout;
using Karmada.Bench.Workloads.Members;
using Karmada.Bench.Workloads.Propagation;
using Karmada.Bench.Workloads.Scheduler;

namespace Karmada.Bench;

/// <summary>Every workload the harness knows; add new ones here (one class per workload).</summary>
public static class WorkloadRegistry
{
    public static IReadOnlyList<IWorkload> All { get; } =
    [
        new ApiServerWorkload(),
        new SchedulerWorkload(),
        new PropagationWorkload(),
        new MembersWorkload(),
        new ClustersWorkload(),
        new FanoutWorkload(),
        new E2EWorkload(),
    ];

    public static IWorkload? Find(string name) =>
        All.FirstOrDefault(w => string.Equals(w.Name, name, StringComparison.OrdinalIgnoreCase));
}
