using Karmada.Bench.Measurement;

namespace Karmada.Bench.Workloads.Scheduler;

/// <summary>The figures of one (cluster count, strategy) row.</summary>
public sealed class SchedulerReport
{
    public required int Clusters { get; init; }

    public required SchedulerBenchStrategy Strategy { get; init; }

    public required int Bindings { get; init; }

    public required int Workers { get; init; }

    /// <summary>Cold start: every binding created before the scheduler starts; time from start until all are scheduled.</summary>
    public TimeSpan ColdElapsed { get; set; }

    /// <summary>Scheduler start → each binding's Scheduled=True seen by a watch, in ms.</summary>
    public LatencySummary ColdLatency { get; set; } = LatencySummary.Empty;

    /// <summary>What the whole process (API server, scheduler, watcher) spent during the cold start.</summary>
    public ResourceDelta? ColdResources { get; set; }

    /// <summary>Writes to bindings during the cold start (spec and status updates seen by the watch).</summary>
    public long ColdWrites { get; set; }

    /// <summary>Bindings created at a steady rate while the scheduler runs (open loop).</summary>
    public int PacedBindings { get; set; }

    /// <summary>The rate the paced bindings were created at, per second.</summary>
    public double PacedRate { get; set; }

    /// <summary>Create request sent → Scheduled=True seen by the watch, in ms, for the paced bindings.</summary>
    public LatencySummary PacedLatency { get; set; } = LatencySummary.Empty;

    /// <summary><see cref="Karmada.Scheduler.GenericScheduler.Schedule"/> alone over the same bindings and clusters.</summary>
    public double AlgorithmDecisionsPerSecond { get; set; }

    public double ColdBindingsPerSecond => ColdElapsed.TotalSeconds > 0 ? Bindings / ColdElapsed.TotalSeconds : 0;

    public double WritesPerBinding => Bindings == 0 ? 0 : (double)ColdWrites / Bindings;

    public double ColdCpuMicrosPerBinding => ColdResources is null || Bindings == 0 ? 0 : ColdResources.Cpu.TotalMicroseconds / Bindings;
}
