namespace Karmada.Bench.Workloads.Scheduler;

/// <summary>The replica scheduling strategies issue 8 benchmarks, one row each per cluster count.</summary>
public enum SchedulerBenchStrategy
{
    /// <summary>Duplicated onto three named clusters (rotating with the binding).</summary>
    Duplicated,

    /// <summary>Divided, Weighted by a static weight list (one weight per region).</summary>
    Static,

    /// <summary>Divided, Weighted by each cluster's available replicas (the general estimator).</summary>
    Dynamic,

    /// <summary>Divided, Aggregated onto as few clusters as fit (the general estimator).</summary>
    Aggregated,
}
