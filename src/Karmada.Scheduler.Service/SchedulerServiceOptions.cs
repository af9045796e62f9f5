namespace Karmada.Scheduler.Service;

/// <summary>Settings of karmada-scheduler (upstream flag names in the docs).</summary>
public sealed class SchedulerServiceOptions
{
    /// <summary>Upstream's default <c>--scheduler-name</c>, also what an empty <c>spec.schedulerName</c> means.</summary>
    public const string DefaultSchedulerName = "default-scheduler";

    /// <summary><c>--scheduler-name</c>: only bindings whose <c>spec.schedulerName</c> is this (or empty for the default) are scheduled.</summary>
    public string SchedulerName { get; set; } = DefaultSchedulerName;

    /// <summary><c>--plugins</c>: <c>*</c> for all in-tree plugins, <c>name</c> to enable, <c>-name</c> to disable.</summary>
    public IReadOnlyList<string> Plugins { get; set; } = ["*"];

    /// <summary>The default of <see cref="Workers"/>.</summary>
    public const int DefaultWorkers = 4;

    /// <summary>
    /// Scheduling workers (upstream runs one). Bindings are independent, and a decision is mostly two API round trips,
    /// so with one worker the write latency, not the algorithm, caps throughput.
    /// </summary>
    public int Workers { get; set; } = DefaultWorkers;

    /// <summary><c>--enable-empty-workload-propagation</c>: keep selected clusters that end up with 0 replicas.</summary>
    public bool EnableEmptyWorkloadPropagation { get; set; }

    /// <summary>Feature gate MultiplePodTemplatesScheduling (alpha, off).</summary>
    public bool MultiplePodTemplatesScheduling { get; set; }

    /// <summary>The first wait before a binding that failed to schedule is tried again; it doubles per failure (upstream's initial backoff: 1 s).</summary>
    public TimeSpan InitialRetryDelay { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>The longest wait before a binding that failed to schedule is tried again (upstream's unschedulable flush: 5 min).</summary>
    public TimeSpan MaxRetryDelay { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>The per-call options of the scheduling algorithm these settings imply.</summary>
    public ScheduleOptions ToScheduleOptions() => new()
    {
        EnableEmptyWorkloadPropagation = EnableEmptyWorkloadPropagation,
        MultiplePodTemplatesScheduling = MultiplePodTemplatesScheduling,
    };

    /// <summary>Throws <see cref="ArgumentException"/> for settings that cannot work.</summary>
    public void Validate()
    {
        if (string.IsNullOrWhiteSpace(SchedulerName))
        {
            throw new ArgumentException("--scheduler-name must not be empty.");
        }

        if (Workers <= 0)
        {
            throw new ArgumentException("The scheduler worker count must be positive.");
        }

        if (InitialRetryDelay <= TimeSpan.Zero || MaxRetryDelay < InitialRetryDelay)
        {
            throw new ArgumentException("The retry delays must be positive, the maximum no shorter than the initial one.");
        }

        if (Plugins.Count == 0 || Plugins.Any(string.IsNullOrWhiteSpace))
        {
            throw new ArgumentException("--plugins must list '*', plugin names or '-name' entries.");
        }
    }
}
