using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Diagnostics.Tracing;
using Karmada.Bench.Measurement;
using Karmada.Storage;

namespace Karmada.Bench.Workloads.ApiServer;

/// <summary>
/// What could put a phase's latency tail where it is, measured over the phase: GC pauses (from the runtime's own GC
/// events, so the longest pause is known, not only the total), lock contention, JIT work, thread-pool queueing, and
/// the SQLite store's commit and checkpoint times (from <see cref="StorageMetrics"/>).
/// </summary>
public sealed class TailDiagnostics : IDisposable
{
    private readonly GcPauseListener _gc = new();
    private readonly MeterListener _meters = new();
    private readonly List<double> _commitMs = [];
    private readonly List<double> _checkpointMs = [];
    private readonly List<double> _catchUpMs = [];
    private readonly Lock _gate = new();
    private readonly Thread _sampler;
    private readonly TimeSpan _pauseStart = GC.GetTotalPauseDuration();
    private readonly long _contentionStart = Monitor.LockContentionCount;
    private readonly long _jitMethodsStart = System.Runtime.JitInfo.GetCompiledMethodCount();
    private readonly TimeSpan _jitTimeStart = System.Runtime.JitInfo.GetCompilationTime();
    private long _batchWrites;
    private long _batches;
    private long _queueMax;
    private long _queueSum;
    private long _queueSamples;
    private int _threadsMax;
    private volatile bool _stopped;

    private TailDiagnostics()
    {
        _meters.InstrumentPublished = (instrument, listener) =>
        {
            if (instrument.Meter.Name == StorageMetrics.MeterName)
            {
                listener.EnableMeasurementEvents(instrument);
            }
        };
        _meters.SetMeasurementEventCallback<double>((instrument, value, _, _) =>
        {
            var list = instrument.Name switch
            {
                StorageMetrics.SqliteCommitDurationName => _commitMs,
                StorageMetrics.SqliteCheckpointDurationName => _checkpointMs,
                StorageMetrics.SqliteCatchUpCheckpointDurationName => _catchUpMs,
                _ => null,
            };
            lock (_gate)
            {
                list?.Add(value * 1000);
            }
        });
        _meters.SetMeasurementEventCallback<int>((_, value, _, _) =>
        {
            Interlocked.Add(ref _batchWrites, value);
            Interlocked.Increment(ref _batches);
        });
        _meters.Start();
        _sampler = new Thread(Sample) { IsBackground = true, Name = "bench-threadpool-sampler" };
        _sampler.Start();
    }

    public static TailDiagnostics Start() => new();

    /// <summary>Stops measuring and summarises the phase.</summary>
    public TailReport Stop()
    {
        _stopped = true;
        _sampler.Join();
        _meters.Dispose();

        // The runtime delivers GC events on its own thread shortly after they happen.
        Thread.Sleep(200);
        var pauses = _gc.Pauses();
        _gc.Dispose();
        lock (_gate)
        {
            return new TailReport(
                GcPauseTotalMs: (GC.GetTotalPauseDuration() - _pauseStart).TotalMilliseconds,
                GcPauses: pauses.Count,
                GcPauseMaxMs: pauses.Count == 0 ? 0 : pauses.Max(),
                GcPauseOver5MsTotalMs: pauses.Where(p => p > 5).Sum(),
                LockContentions: Monitor.LockContentionCount - _contentionStart,
                JitMethods: System.Runtime.JitInfo.GetCompiledMethodCount() - _jitMethodsStart,
                JitMs: (System.Runtime.JitInfo.GetCompilationTime() - _jitTimeStart).TotalMilliseconds,
                ThreadPoolQueueMax: _queueMax,
                ThreadPoolQueueMean: _queueSamples == 0 ? 0 : (double)_queueSum / _queueSamples,
                ThreadPoolThreadsMax: _threadsMax,
                Commits: _commitMs.Count,
                WritesPerCommit: _batches == 0 ? 0 : (double)_batchWrites / _batches,
                Commit: Summarise(_commitMs),
                Checkpoints: _checkpointMs.Count,
                CheckpointMaxMs: _checkpointMs.Count == 0 ? 0 : _checkpointMs.Max(),
                CatchUps: _catchUpMs.Count,
                CatchUpMaxMs: _catchUpMs.Count == 0 ? 0 : _catchUpMs.Max());
        }
    }

    public void Dispose()
    {
        _stopped = true;
        _meters.Dispose();
        _gc.Dispose();
    }

    private static LatencySummary Summarise(List<double> ms)
    {
        var ticks = ms.Select(m => (long)(m * Stopwatch.Frequency / 1000)).ToArray();
        return LatencySummary.FromTicks(ticks, ticks.Length);
    }

    private void Sample()
    {
        while (!_stopped)
        {
            var queued = ThreadPool.PendingWorkItemCount;
            _queueMax = Math.Max(_queueMax, queued);
            _queueSum += queued;
            _queueSamples++;
            _threadsMax = Math.Max(_threadsMax, ThreadPool.ThreadCount);
            Thread.Sleep(1);
        }
    }

    /// <summary>Pairs the runtime's suspend-begin and restart-end GC events into pause durations.</summary>
    private sealed class GcPauseListener : EventListener
    {
        private const int RestartEeEnd = 3;
        private const int SuspendEeBegin = 9;
        private readonly List<double> _pauses = [];
        private readonly Lock _gate = new();
        private DateTime? _suspended;

        public List<double> Pauses()
        {
            lock (_gate)
            {
                return [.. _pauses];
            }
        }

        protected override void OnEventSourceCreated(EventSource eventSource)
        {
            if (eventSource.Name == "Microsoft-Windows-DotNETRuntime")
            {
                EnableEvents(eventSource, EventLevel.Informational, (EventKeywords)1);
            }
        }

        protected override void OnEventWritten(EventWrittenEventArgs eventData)
        {
            lock (_gate)
            {
                if (eventData.EventId == SuspendEeBegin)
                {
                    _suspended = eventData.TimeStamp;
                }
                else if (eventData.EventId == RestartEeEnd && _suspended is { } begin)
                {
                    _pauses.Add((eventData.TimeStamp - begin).TotalMilliseconds);
                    _suspended = null;
                }
            }
        }
    }
}

/// <summary>The phase's tail causes, as measured by <see cref="TailDiagnostics"/>. Times in milliseconds.</summary>
public sealed record TailReport(
    double GcPauseTotalMs,
    int GcPauses,
    double GcPauseMaxMs,
    double GcPauseOver5MsTotalMs,
    long LockContentions,
    long JitMethods,
    double JitMs,
    long ThreadPoolQueueMax,
    double ThreadPoolQueueMean,
    int ThreadPoolThreadsMax,
    int Commits,
    double WritesPerCommit,
    LatencySummary Commit,
    int Checkpoints,
    double CheckpointMaxMs,
    int CatchUps,
    double CatchUpMaxMs)
{
    public string Describe() =>
        $"gc pauses {GcPauses} ({GcPauseTotalMs:F1} ms, max {GcPauseMaxMs:F1} ms, >5 ms {GcPauseOver5MsTotalMs:F1} ms); lock contentions {LockContentions}; "
        + $"jit {JitMethods} methods ({JitMs:F0} ms); thread-pool queue max {ThreadPoolQueueMax} mean {ThreadPoolQueueMean:F1}, threads max {ThreadPoolThreadsMax}; "
        + $"sqlite commits {Commits} ({WritesPerCommit:F1} writes each) p50 {Commit.P50:F2} p99 {Commit.P99:F2} max {Commit.Max:F2} ms; background checkpoints {Checkpoints} (max {CheckpointMaxMs:F1} ms), writer catch-ups {CatchUps} (max {CatchUpMaxMs:F1} ms)";
}
