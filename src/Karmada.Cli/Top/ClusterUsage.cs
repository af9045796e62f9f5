using System.Globalization;
using Karmada.Api.Core;
using ClusterV1Alpha1 = Karmada.Api.Cluster.V1Alpha1;

namespace Karmada.Cli.Top;

/// <summary>
/// <c>karmadactl top cluster</c>'s table, kubectl-top-node style: the CPU and memory requested by scheduled pods
/// (<c>status.resourceSummary.allocated</c>) in millicores and Mi, as a share of what the nodes offer
/// (<c>allocatable</c>), which is shown too; <c>&lt;unknown&gt;</c> while the cluster has no summary.
/// </summary>
public static class ClusterUsage
{
    public static IReadOnlyList<string> Headers { get; } = ["NAME", "CPU(cores)", "CPU(%)", "MEMORY(bytes)", "MEMORY(%)", "CPU-ALLOCATABLE", "MEMORY-ALLOCATABLE"];

    public static List<IReadOnlyList<string>> Rows(IEnumerable<ClusterV1Alpha1.Cluster> clusters)
    {
        ArgumentNullException.ThrowIfNull(clusters);
        var rows = new List<IReadOnlyList<string>>();
        foreach (var cluster in clusters)
        {
            var name = cluster.Metadata.Name ?? "";
            if (cluster.Status.ResourceSummary is not { } summary || summary.Allocatable.Count == 0)
            {
                rows.Add([name, "<unknown>", "<unknown>", "<unknown>", "<unknown>", "<unknown>", "<unknown>"]);
                continue;
            }

            var cpuUsed = Read(summary.Allocated, "cpu");
            var cpuTotal = Read(summary.Allocatable, "cpu");
            var memoryUsed = Read(summary.Allocated, "memory");
            var memoryTotal = Read(summary.Allocatable, "memory");
            rows.Add(
            [
                name,
                Cores(cpuUsed),
                Percent(cpuUsed.MilliValue, cpuTotal.MilliValue),
                Mebibytes(memoryUsed),
                Percent(memoryUsed.Value, memoryTotal.Value),
                Cores(cpuTotal),
                Mebibytes(memoryTotal),
            ]);
        }

        return rows;
    }

    private static Quantity Read(ResourceList list, string resource) =>
        list.TryGetValue(resource, out var text) && Quantity.TryParse(text, out var quantity) ? quantity : Quantity.Zero;

    private static string Cores(Quantity cpu) => string.Create(CultureInfo.InvariantCulture, $"{cpu.MilliValue}m");

    private static string Mebibytes(Quantity memory) => string.Create(CultureInfo.InvariantCulture, $"{memory.Value / (1024 * 1024)}Mi");

    private static string Percent(long used, long total) =>
        total <= 0 ? "<unknown>" : string.Create(CultureInfo.InvariantCulture, $"{used * 100 / total}%");
}
