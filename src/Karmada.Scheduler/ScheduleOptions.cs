namespace Karmada.Scheduler;

/// <summary>Per-call scheduler settings (upstream flags and feature gates that change decisions).</summary>
public sealed record ScheduleOptions
{
    /// <summary>The defaults: upstream's flag and gate defaults.</summary>
    public static ScheduleOptions Default { get; } = new();

    /// <summary><c>--enable-empty-workload-propagation</c>: keep selected clusters that end up with 0 replicas.</summary>
    public bool EnableEmptyWorkloadPropagation { get; init; }

    /// <summary>Feature gate MultiplePodTemplatesScheduling (alpha, off): per-component results for multi-template workloads.</summary>
    public bool MultiplePodTemplatesScheduling { get; init; }
}
