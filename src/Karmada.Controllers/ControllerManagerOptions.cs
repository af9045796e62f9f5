namespace Karmada.Controllers;

/// <summary>Settings of karmada controller-manager (upstream flag names in the docs).</summary>
public sealed class ControllerManagerOptions
{
    /// <summary><c>--controllers</c>: <c>*</c>, <c>name</c> or <c>-name</c> entries. Default: every default controller.</summary>
    public IReadOnlyList<string> Controllers { get; set; } = ["*"];

    /// <summary><c>--cluster-status-update-frequency</c>: how often Push clusters are probed. Default 10 s.</summary>
    public TimeSpan ClusterStatusUpdateFrequency { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary><c>--cluster-success-threshold</c>: how long a cluster must be healthy before it turns Ready. Default 30 s.</summary>
    public TimeSpan ClusterSuccessThreshold { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary><c>--cluster-failure-threshold</c>: how long a cluster must be unhealthy before it turns not Ready. Default 30 s.</summary>
    public TimeSpan ClusterFailureThreshold { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Timeout of each request to a member cluster (probes, discovery). Default 10 s.</summary>
    public TimeSpan ClusterApiTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary><c>--cluster-monitor-period</c>: how often the health of Pull clusters is checked. Default 5 s.</summary>
    public TimeSpan ClusterMonitorPeriod { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary><c>--cluster-monitor-grace-period</c>: how long a Pull cluster may go unheard before it turns Ready=Unknown. Default 40 s.</summary>
    public TimeSpan ClusterMonitorGracePeriod { get; set; } = TimeSpan.FromSeconds(40);

    /// <summary><c>--cluster-startup-grace-period</c>: the same for a Pull cluster that never posted status. Default 60 s.</summary>
    public TimeSpan ClusterStartupGracePeriod { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>Workers per controller, for every controller without its own <c>--concurrent-*-syncs</c> setting. Default 5.</summary>
    public int Workers { get; set; } = 5;

    /// <summary><c>--concurrent-work-syncs</c>: Works applied (execution) and reflected (workStatus) at once. Null: <see cref="Workers"/>.</summary>
    public int? ConcurrentWorkSyncs { get; set; }

    /// <summary><c>--concurrent-resourcebinding-syncs</c>: ResourceBindings turned into Works at once. Null: <see cref="Workers"/>.</summary>
    public int? ConcurrentResourceBindingSyncs { get; set; }

    /// <summary><c>--concurrent-clusterresourcebinding-syncs</c>: the same for ClusterResourceBindings. Null: <see cref="Workers"/>.</summary>
    public int? ConcurrentClusterResourceBindingSyncs { get; set; }

    /// <summary><c>--concurrent-cluster-syncs</c>: Clusters reconciled at once by the cluster controller. Null: <see cref="Workers"/>.</summary>
    public int? ConcurrentClusterSyncs { get; set; }

    /// <summary><c>--concurrent-namespace-syncs</c>: namespaces propagated at once. Null: <see cref="Workers"/>.</summary>
    public int? ConcurrentNamespaceSyncs { get; set; }

    /// <summary><c>--concurrent-resource-template-syncs</c>: the resource detector's workers. Null: <see cref="Workers"/>.</summary>
    public int? ConcurrentResourceTemplateSyncs { get; set; }

    /// <summary><c>--concurrent-dependent-resource-syncs</c>: the dependencies distributor's workers. Null: <see cref="Workers"/>.</summary>
    public int? ConcurrentDependentResourceSyncs { get; set; }

    /// <summary>
    /// How long the workStatus controller collects a Work's member status changes before writing them (ours, not an
    /// upstream flag; zero writes each change at once). Default <see cref="Execution.WorkStatusController.StatusWriteInterval"/>.
    /// </summary>
    public TimeSpan WorkStatusWriteInterval { get; set; } = Execution.WorkStatusController.StatusWriteInterval;

    /// <summary>The workers of a controller: its own <c>--concurrent-*-syncs</c> setting, else <see cref="Workers"/>.</summary>
    public int WorkersFor(int? concurrentSyncs) => concurrentSyncs ?? Workers;

    /// <summary>Throws <see cref="ArgumentException"/> for settings that cannot work.</summary>
    public void Validate()
    {
        if (ClusterStatusUpdateFrequency <= TimeSpan.Zero)
        {
            throw new ArgumentException("--cluster-status-update-frequency must be positive.");
        }

        if (ClusterSuccessThreshold < TimeSpan.Zero || ClusterFailureThreshold < TimeSpan.Zero)
        {
            throw new ArgumentException("--cluster-success-threshold and --cluster-failure-threshold must not be negative.");
        }

        if (ClusterMonitorPeriod <= TimeSpan.Zero || ClusterMonitorGracePeriod <= TimeSpan.Zero || ClusterStartupGracePeriod <= TimeSpan.Zero)
        {
            throw new ArgumentException("--cluster-monitor-period, --cluster-monitor-grace-period and --cluster-startup-grace-period must be positive.");
        }

        if (WorkStatusWriteInterval < TimeSpan.Zero)
        {
            throw new ArgumentException("The Work status write interval must not be negative.");
        }

        if (ClusterApiTimeout <= TimeSpan.Zero || Workers <= 0)
        {
            throw new ArgumentException("The member API timeout and the worker count must be positive.");
        }

        int?[] concurrency =
        [
            ConcurrentWorkSyncs, ConcurrentResourceBindingSyncs, ConcurrentClusterResourceBindingSyncs, ConcurrentClusterSyncs,
            ConcurrentNamespaceSyncs, ConcurrentResourceTemplateSyncs, ConcurrentDependentResourceSyncs,
        ];
        if (concurrency.Any(c => c <= 0))
        {
            throw new ArgumentException("Every --concurrent-*-syncs setting must be positive.");
        }
    }
}
