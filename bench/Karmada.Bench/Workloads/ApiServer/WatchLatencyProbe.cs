using System.Diagnostics;
using Karmada.Bench.Measurement;
using Karmada.Client;

namespace Karmada.Bench.Workloads.ApiServer;

/// <summary>
/// Opens N watches on one namespace (through their own client, as separate processes would), waits until every
/// watcher sees a sentinel object, then creates objects at a fixed pace and records when each watcher receives each.
/// </summary>
public static class WatchLatencyProbe
{
    private const string Sentinel = "sentinel";

    public static async Task<WatchResult> RunAsync(
        KubeApiClient writer,
        KubeApiClient watcherClient,
        string @namespace,
        int watchers,
        int writes,
        int writesPerSecond,
        CancellationToken cancellationToken)
    {
        var list = await writer.ListAsync(ResourceRef.ConfigMaps, @namespace, cancellationToken: cancellationToken);
        var arrivals = new long[watchers][];
        var counts = new int[watchers];
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        using var ready = new CountdownEvent(watchers);
        using var done = new CountdownEvent(watchers);
        var tasks = new Task[watchers];
        for (var w = 0; w < watchers; w++)
        {
            var watcher = w;
            arrivals[watcher] = new long[writes];
            tasks[watcher] = Task.Run(
                async () =>
                {
                    var options = new WatchOptions { ResourceVersion = list.ResourceVersion, AllowWatchBookmarks = false };
                    try
                    {
                        await foreach (var ev in watcherClient.WatchAsync(ResourceRef.ConfigMaps, @namespace, options, stop.Token))
                        {
                            var now = Stopwatch.GetTimestamp();
                            if (ev.Type != WatchEventType.Added)
                            {
                                continue;
                            }

                            var name = (string?)ev.Object["metadata"]?["name"] ?? "";
                            if (name == Sentinel)
                            {
                                ready.Signal();
                                continue;
                            }

                            var index = int.Parse(name.AsSpan(2), provider: null);
                            arrivals[watcher][index] = now;
                            if (++counts[watcher] == writes)
                            {
                                done.Signal();
                                return;
                            }
                        }
                    }
                    catch (OperationCanceledException) when (stop.IsCancellationRequested)
                    {
                    }
                },
                cancellationToken);
        }

        await writer.CreateAsync(ResourceRef.ConfigMaps, ConfigMapFactory.Create(@namespace, Sentinel), cancellationToken: cancellationToken);
        if (!await WaitAsync(ready, TimeSpan.FromSeconds(60), cancellationToken))
        {
            await Console.Error.WriteLineAsync($"watch: only {watchers - ready.CurrentCount} of {watchers} watchers saw the sentinel");
        }

        var sent = new long[writes];
        var acked = new long[writes];
        var interval = Stopwatch.Frequency / Math.Max(1, writesPerSecond);
        var start = ResourceProbe.Take();
        var clock = Stopwatch.StartNew();
        var origin = Stopwatch.GetTimestamp();
        for (var i = 0; i < writes; i++)
        {
            var due = origin + (i * interval);
            var wait = Stopwatch.GetElapsedTime(Stopwatch.GetTimestamp(), due);
            if (wait > TimeSpan.FromMilliseconds(1))
            {
                await Task.Delay(wait, cancellationToken);
            }

            sent[i] = Stopwatch.GetTimestamp();
            await writer.CreateAsync(ResourceRef.ConfigMaps, ConfigMapFactory.Create(@namespace, "w-" + i.ToString("D6", null)), cancellationToken: cancellationToken);
            acked[i] = Stopwatch.GetTimestamp();
        }

        var writeSeconds = clock.Elapsed.TotalSeconds;
        if (!await WaitAsync(done, TimeSpan.FromSeconds(60), cancellationToken))
        {
            await Console.Error.WriteLineAsync($"watch: {done.CurrentCount} watchers did not receive every event within 60 s");
        }

        var resources = ResourceProbe.Take().Since(start);
        await stop.CancelAsync();
        await Task.WhenAll(tasks);

        var fromAck = new long[watchers * writes];
        var fromSend = new long[watchers * writes];
        long delivered = 0, missing = 0, early = 0;
        for (var w = 0; w < watchers; w++)
        {
            for (var i = 0; i < writes; i++)
            {
                var arrival = arrivals[w][i];
                if (arrival == 0)
                {
                    missing++;
                    continue;
                }

                if (arrival < acked[i])
                {
                    early++;
                }

                fromAck[delivered] = Math.Max(0, arrival - acked[i]);
                fromSend[delivered] = arrival - sent[i];
                delivered++;
            }
        }

        return new WatchResult(
            watchers,
            writes,
            writes / writeSeconds,
            LatencySummary.FromTicks(fromAck, (int)delivered),
            LatencySummary.FromTicks(fromSend, (int)delivered),
            delivered,
            missing,
            early,
            resources);
    }

    private static async Task<bool> WaitAsync(CountdownEvent countdown, TimeSpan timeout, CancellationToken cancellationToken)
    {
        var clock = Stopwatch.StartNew();
        while (!countdown.IsSet)
        {
            if (clock.Elapsed > timeout)
            {
                return false;
            }

            await Task.Delay(5, cancellationToken);
        }

        return true;
    }
}
