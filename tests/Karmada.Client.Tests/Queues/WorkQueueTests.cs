using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using Karmada.Client.Queues;
using Microsoft.Extensions.Time.Testing;

namespace Karmada.Client.Tests.Queues;

public sealed class WorkQueueTests
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(10);

    [Fact]
    public void Add_SameKeyTwice_Coalesces()
    {
        using var queue = NewQueue(out _);

        queue.Add("a");
        queue.Add("a");
        queue.Add("b");

        Assert.Equal(2, queue.Len);
    }

    [Fact]
    public async Task Add_WhileProcessing_ParksTheKeyUntilDone()
    {
        using var queue = NewQueue(out _);
        queue.Add("a");
        var key = await queue.TakeAsync(CancellationToken.None);

        queue.Add("a");
        queue.Add("a");
        Assert.Equal(0, queue.Len);

        queue.Done(key);
        Assert.Equal(1, queue.Len);
        Assert.Equal("a", await queue.TakeAsync(CancellationToken.None));
    }

    [Fact]
    public async Task Done_WithoutNewAdd_DoesNotRequeue()
    {
        using var queue = NewQueue(out _);
        queue.Add("a");
        queue.Done(await queue.TakeAsync(CancellationToken.None));

        Assert.Equal(0, queue.Len);
    }

    [Fact]
    public async Task ConcurrentWorkers_NeverProcessOneKeyTwiceAtOnceAndSeeEveryAdd()
    {
        using var queue = NewQueue(out _);
        using var cts = new CancellationTokenSource(Timeout);
        const int keys = 8;
        var generation = new int[keys];
        var processedGeneration = new int[keys];
        var inFlight = new int[keys];
        var violations = 0;
        var random = new Random(42);

        var workers = Enumerable.Range(0, 4).Select(_ => Task.Run(async () =>
        {
            while (true)
            {
                string key;
                try
                {
                    key = await queue.TakeAsync(cts.Token);
                }
                catch (OperationCanceledException)
                {
                    return;
                }

                var index = int.Parse(key, System.Globalization.CultureInfo.InvariantCulture);
                if (Interlocked.Increment(ref inFlight[index]) != 1)
                {
                    Interlocked.Increment(ref violations);
                }

                // Read the generation as a level-based reconciler reads state, then pretend to work.
                var seen = Volatile.Read(ref generation[index]);
                await Task.Yield();
                InterlockedMax(ref processedGeneration[index], seen);
                Interlocked.Decrement(ref inFlight[index]);
                queue.Done(key);
            }
        })).ToArray();

        for (var i = 0; i < 5000; i++)
        {
            var index = random.Next(keys);
            Interlocked.Increment(ref generation[index]);
            queue.Add(index.ToString(System.Globalization.CultureInfo.InvariantCulture));
            if (i % 100 == 0)
            {
                await Task.Yield();
            }
        }

        await Karmada.Testing.Eventually.UntilAsync(
            () => Enumerable.Range(0, keys).All(k => Volatile.Read(ref processedGeneration[k]) == Volatile.Read(ref generation[k])),
            Timeout,
            "every key is processed after its last add",
            cts.Token);
        await cts.CancelAsync();
        await Task.WhenAll(workers);

        Assert.Equal(0, violations);
    }

    [Fact]
    public void AddAfter_BecomesReadyOnlyWhenTheDelayHasPassed()
    {
        using var queue = NewQueue(out var time);

        queue.AddAfter("a", TimeSpan.FromSeconds(10));
        Assert.Equal(0, queue.Len);
        Assert.Equal(1, queue.WaitingCount);

        time.Advance(TimeSpan.FromSeconds(9));
        Assert.Equal(0, queue.Len);

        time.Advance(TimeSpan.FromSeconds(1));
        Assert.Equal(1, queue.Len);
        Assert.Equal(0, queue.WaitingCount);
    }

    [Fact]
    public void AddAfter_SameKeyTwice_KeepsTheEarlierTime()
    {
        using var queue = NewQueue(out var time);

        queue.AddAfter("a", TimeSpan.FromSeconds(10));
        queue.AddAfter("a", TimeSpan.FromSeconds(5));
        queue.AddAfter("a", TimeSpan.FromSeconds(20));
        Assert.Equal(1, queue.WaitingCount);

        time.Advance(TimeSpan.FromSeconds(5));
        Assert.Equal(1, queue.Len);
        Assert.Equal(0, queue.WaitingCount);
    }

    [Fact]
    public void AddAfter_ManyKeys_ReleasesThemInDueOrder()
    {
        using var queue = NewQueue(out var time);
        queue.AddAfter("late", TimeSpan.FromSeconds(3));
        queue.AddAfter("early", TimeSpan.FromSeconds(1));
        queue.AddAfter("middle", TimeSpan.FromSeconds(2));

        time.Advance(TimeSpan.FromSeconds(1));
        Assert.Equal(1, queue.Len);
        time.Advance(TimeSpan.FromSeconds(1));
        Assert.Equal(2, queue.Len);
        time.Advance(TimeSpan.FromSeconds(1));
        Assert.Equal(3, queue.Len);
    }

    [Fact]
    public void AddAfter_ZeroDelay_AddsNow()
    {
        using var queue = NewQueue(out _);

        queue.AddAfter("a", TimeSpan.Zero);

        Assert.Equal(1, queue.Len);
    }

    [Fact]
    public async Task AddRateLimited_GrowsTheDelayUntilForget()
    {
        var time = new FakeTimeProvider();
        using var queue = new WorkQueue<string>("growth", new ItemExponentialFailureRateLimiter<string>(TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(60)), time);

        foreach (var expected in new[] { 1, 2, 4 })
        {
            queue.AddRateLimited("a");
            time.Advance(TimeSpan.FromSeconds(expected) - TimeSpan.FromMilliseconds(1));
            Assert.Equal(0, queue.Len);
            time.Advance(TimeSpan.FromMilliseconds(1));
            Assert.Equal(1, queue.Len);
            queue.Done(await queue.TakeAsync(CancellationToken.None));
        }

        Assert.Equal(3, queue.NumRequeues("a"));
        queue.Forget("a");
        Assert.Equal(0, queue.NumRequeues("a"));
        queue.AddRateLimited("a");
        time.Advance(TimeSpan.FromSeconds(1));
        Assert.Equal(1, queue.Len);
    }

    [Fact]
    public async Task ShutDown_EndsWaitingTakesAndDropsDelayedKeys()
    {
        var queue = NewQueue(out var time);
        var take = queue.TakeAsync(CancellationToken.None).AsTask();
        queue.AddAfter("later", TimeSpan.FromSeconds(1));

        queue.ShutDown();
        time.Advance(TimeSpan.FromSeconds(1));

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => take);
        queue.Add("ignored");
        Assert.Equal(0, queue.Len);
        Assert.True(queue.IsShutDown);
    }

    [Fact]
    public async Task TakeAsync_Cancelled_Throws()
    {
        using var queue = NewQueue(out _);
        using var cts = new CancellationTokenSource();
        var take = queue.TakeAsync(cts.Token).AsTask();

        await cts.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => take);
    }

    [Fact]
    public async Task Metrics_ReportAddsDepthRetriesAndDurations()
    {
        var name = $"metrics-{Guid.NewGuid():N}";
        var measurements = new ConcurrentDictionary<string, double>();
        using var listener = new MeterListener();
        listener.InstrumentPublished = (instrument, l) =>
        {
            if (instrument.Meter.Name == WorkQueueMetrics.MeterName)
            {
                l.EnableMeasurementEvents(instrument);
            }
        };
        void Record(Instrument instrument, double value, ReadOnlySpan<KeyValuePair<string, object?>> tags)
        {
            foreach (var tag in tags)
            {
                if (tag.Key == "name" && (string?)tag.Value == name)
                {
                    measurements.AddOrUpdate(instrument.Name, value, (_, sum) => sum + value);
                }
            }
        }

        listener.SetMeasurementEventCallback<long>((i, v, t, _) => Record(i, v, t));
        listener.SetMeasurementEventCallback<double>((i, v, t, _) => Record(i, v, t));
        listener.Start();
        var time = new FakeTimeProvider();
        using var queue = new WorkQueue<string>(name, time);

        queue.Add("a");
        queue.Add("a");
        queue.Add("b");
        time.Advance(TimeSpan.FromSeconds(2));
        var key = await queue.TakeAsync(CancellationToken.None);
        time.Advance(TimeSpan.FromSeconds(3));
        queue.Done(key);
        queue.AddRateLimited("c");

        Assert.Equal(2, measurements["workqueue_adds_total"]);
        Assert.Equal(1, measurements["workqueue_depth"]);
        Assert.Equal(1, measurements["workqueue_retries_total"]);
        Assert.Equal(2, measurements["workqueue_queue_duration_seconds"]);
        Assert.Equal(3, measurements["workqueue_work_duration_seconds"]);
    }

    private static WorkQueue<string> NewQueue(out FakeTimeProvider time)
    {
        time = new FakeTimeProvider();
        return new WorkQueue<string>("test", time);
    }

    private static void InterlockedMax(ref int target, int value)
    {
        int current;
        while ((current = Volatile.Read(ref target)) < value && Interlocked.CompareExchange(ref target, value, current) != current)
        {
        }
    }
}
