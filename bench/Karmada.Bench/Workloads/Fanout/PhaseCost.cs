using System.Diagnostics;
using Karmada.Bench.Measurement;

namespace Karmada.Bench.Workloads.Fanout;

/// <summary>
/// What one phase of the fanout run cost the whole process, per member: CPU, allocations, collections and the time
/// the runtime was paused for them. Per-member CPU is the load-robust figure; wall time on a shared machine is not.
/// </summary>
public sealed record PhaseCost(TimeSpan Elapsed, ResourceDelta Resources, TimeSpan GcPause, int Members)
{
    public static PhaseCost Empty { get; } = new(TimeSpan.Zero, new ResourceDelta(TimeSpan.Zero, 0, 0, 0, 0), TimeSpan.Zero, 1);

    public double Cores => Resources.Cpu.TotalSeconds / Math.Max(0.001, Elapsed.TotalSeconds);

    public double CpuMsPerMember => Resources.Cpu.TotalMilliseconds / Math.Max(1, Members);

    public double AllocatedKiBPerMember => Resources.AllocatedBytes / 1024.0 / Math.Max(1, Members);

    /// <summary>Starts measuring a phase; <see cref="Meter.Stop"/> ends it.</summary>
    public static Meter Start(int members) => new(members);

    public sealed class Meter
    {
        private readonly int _members;
        private readonly ResourceProbe _start = ResourceProbe.Take();
        private readonly TimeSpan _pause = GC.GetTotalPauseDuration();
        private readonly long _started = Stopwatch.GetTimestamp();

        internal Meter(int members) => _members = members;

        /// <summary>The cost so far, with the phase ending at <paramref name="end"/> (a <see cref="Stopwatch"/> timestamp) or now.</summary>
        public PhaseCost Stop(long? end = null) => new(
            Stopwatch.GetElapsedTime(_started, end ?? Stopwatch.GetTimestamp()),
            ResourceProbe.Take().Since(_start),
            GC.GetTotalPauseDuration() - _pause,
            _members);
    }

    public string Describe() => FormattableString.Invariant(
        $"{Cores:F2} cores, {CpuMsPerMember:F1} ms CPU and {AllocatedKiBPerMember:F0} KiB allocated per member, GC {Resources.Gen0}/{Resources.Gen1}/{Resources.Gen2} (gen0/1/2) pausing {GcPause.TotalMilliseconds:F0} ms");
}
