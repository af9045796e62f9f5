using System.Diagnostics;

namespace Karmada.Bench.Measurement;

/// <summary>
/// Runs a fixed number of operations with a fixed number of concurrent workers (closed loop: each worker starts its
/// next operation when the previous one finished) and records each operation's latency.
/// </summary>
public static class LoadRunner
{
    /// <summary>
    /// Runs <paramref name="operations"/> calls of <paramref name="operation"/>(worker, index) on
    /// <paramref name="concurrency"/> workers. Failed operations count as errors and are not in the latencies.
    /// <paramref name="dedicatedThreads"/> gives each worker its own thread (for blocking operations).
    /// </summary>
    public static async Task<PhaseResult> RunAsync(
        string name,
        int operations,
        int concurrency,
        Func<int, int, CancellationToken, ValueTask> operation,
        CancellationToken cancellationToken,
        bool dedicatedThreads = false)
    {
        var ticks = new long[operations];
        var recorded = 0;
        var errors = 0;
        var next = -1;
        Exception? firstError = null;
        var start = ResourceProbe.Take();
        var clock = Stopwatch.StartNew();
        var workers = Enumerable.Range(0, concurrency).Select(worker => Task.Factory.StartNew(
            async () =>
            {
                while (true)
                {
                    var index = Interlocked.Increment(ref next);
                    if (index >= operations)
                    {
                        return;
                    }

                    var begin = Stopwatch.GetTimestamp();
                    try
                    {
                        await operation(worker, index, cancellationToken);
                        ticks[Interlocked.Increment(ref recorded) - 1] = Stopwatch.GetTimestamp() - begin;
                    }
                    catch (Exception ex) when (!cancellationToken.IsCancellationRequested)
                    {
                        Interlocked.Increment(ref errors);
                        Interlocked.CompareExchange(ref firstError, ex, null);
                    }
                }
            },
            cancellationToken,
            dedicatedThreads ? TaskCreationOptions.LongRunning : TaskCreationOptions.None,
            TaskScheduler.Default).Unwrap()).ToArray();
        await Task.WhenAll(workers);
        clock.Stop();
        var resources = ResourceProbe.Take().Since(start);
        if (firstError is not null)
        {
            await Console.Error.WriteLineAsync($"{name}: {errors} errors; first: {firstError.GetType().Name}: {firstError.Message}");
        }

        return new PhaseResult(name, concurrency, recorded, errors, clock.Elapsed, LatencySummary.FromTicks(ticks, recorded), resources);
    }
}
