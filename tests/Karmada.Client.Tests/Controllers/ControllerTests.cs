using System.Collections.Concurrent;
using Karmada.Client.Controllers;
using Karmada.Client.Queues;
using Karmada.Client.Tests.Fakes;
using Karmada.Testing;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace Karmada.Client.Tests.Controllers;

public sealed class ControllerTests
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(10);

    [Fact]
    public async Task Reconcile_Failing_RetriesWithGrowingBackoffThenForgets()
    {
        var time = new FakeTimeProvider();
        using var queue = new WorkQueue<string>("retry", new ItemExponentialFailureRateLimiter<string>(TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(60)), time);
        var start = time.GetUtcNow();
        var attempts = new ConcurrentQueue<TimeSpan>();
        var controller = NewController(queue, time, (_, _) =>
        {
            attempts.Enqueue(time.GetUtcNow() - start);
            return attempts.Count <= 3 ? throw new InvalidOperationException("boom") : Task.FromResult(ReconcileResult.Done);
        });
        using var cts = new CancellationTokenSource(Timeout);
        await controller.StartAsync(cts.Token);
        queue.Add("a");

        foreach (var (attempt, backoff) in new[] { (1, 1), (2, 2), (3, 4) })
        {
            await Eventually.UntilAsync(() => attempts.Count == attempt && queue.WaitingCount == 1, Timeout, $"attempt {attempt} failed and was requeued", cts.Token);
            Assert.Equal(attempt, queue.NumRequeues("a"));
            time.Advance(TimeSpan.FromSeconds(backoff));
        }

        await Eventually.UntilAsync(() => attempts.Count == 4 && queue.NumRequeues("a") == 0, Timeout, "the fourth attempt succeeded and forgot the key", cts.Token);
        Assert.Equal([0, 1, 3, 7], attempts.Select(a => a.TotalSeconds));
        Assert.Equal(0, queue.WaitingCount);
        await controller.StopAsync(CancellationToken.None);
    }

    [Fact]
    public async Task Reconcile_Terminal_DropsTheKeyWithoutRetry()
    {
        var time = new FakeTimeProvider();
        using var queue = new WorkQueue<string>("terminal", time);
        var seen = new ConcurrentQueue<string>();
        var controller = NewController(queue, time, (key, _) =>
        {
            seen.Enqueue(key);
            return key == "bad" ? throw new TerminalReconcileException("spec is invalid") : Task.FromResult(ReconcileResult.Done);
        });
        using var cts = new CancellationTokenSource(Timeout);
        await controller.StartAsync(cts.Token);

        queue.Add("bad");
        queue.Add("barrier");

        // One worker: once the barrier key is reconciled, the terminal key's handling has finished.
        await Eventually.UntilAsync(() => seen.Contains("barrier"), Timeout, "the barrier key was reconciled", cts.Token);
        Assert.Equal(0, queue.WaitingCount);
        Assert.Equal(0, queue.NumRequeues("bad"));
        Assert.Equal(["bad", "barrier"], seen);
        await controller.StopAsync(CancellationToken.None);
    }

    [Fact]
    public async Task Reconcile_RequeueAfter_RunsAgainAfterTheDelay()
    {
        var time = new FakeTimeProvider();
        using var queue = new WorkQueue<string>("requeue", time);
        var attempts = 0;
        var controller = NewController(queue, time, (_, _) =>
            Task.FromResult(Interlocked.Increment(ref attempts) == 1 ? ReconcileResult.After(TimeSpan.FromSeconds(30)) : ReconcileResult.Done));
        using var cts = new CancellationTokenSource(Timeout);
        await controller.StartAsync(cts.Token);
        queue.Add("a");

        await Eventually.UntilAsync(() => attempts == 1 && queue.WaitingCount == 1, Timeout, "the first run asked to be requeued", cts.Token);
        time.Advance(TimeSpan.FromSeconds(29));
        Assert.Equal(1, queue.WaitingCount);
        time.Advance(TimeSpan.FromSeconds(1));

        await Eventually.UntilAsync(() => attempts == 2, Timeout, "the key ran again after 30 s", cts.Token);
        Assert.Equal(0, queue.NumRequeues("a"));
        await controller.StopAsync(CancellationToken.None);
    }

    [Fact]
    public async Task Workers_ReconcileDifferentKeysConcurrently()
    {
        var time = new FakeTimeProvider();
        using var queue = new WorkQueue<string>("parallel", time);
        var inFlight = 0;
        var allIn = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var done = 0;
        var controller = NewController(queue, time, async (_, ct) =>
        {
            if (Interlocked.Increment(ref inFlight) == 3)
            {
                allIn.TrySetResult();
            }

            await allIn.Task.WaitAsync(ct);
            Interlocked.Increment(ref done);
            return ReconcileResult.Done;
        }, workers: 3);
        using var cts = new CancellationTokenSource(Timeout);
        await controller.StartAsync(cts.Token);

        queue.Add("a");
        queue.Add("b");
        queue.Add("c");

        await Eventually.UntilAsync(() => done == 3, Timeout, "three workers held three keys at once", cts.Token);
        await controller.StopAsync(CancellationToken.None);
    }

    [Fact]
    public async Task Start_WaitsForInformersToSync()
    {
        var time = new FakeTimeProvider();
        using var queue = new WorkQueue<string>("sync", time);
        var informer = new FakeSyncInformer();
        var attempts = 0;
        var controller = NewController(queue, time, (_, _) =>
        {
            Interlocked.Increment(ref attempts);
            return Task.FromResult(ReconcileResult.Done);
        }, waitFor: informer);
        using var cts = new CancellationTokenSource(Timeout);
        queue.Add("a");
        await controller.StartAsync(cts.Token);

        await Eventually.UntilAsync(() => informer.WaitedOn, Timeout, "the controller waits for the informer", cts.Token);
        Assert.Equal(0, attempts);
        informer.MarkSynced();

        await Eventually.UntilAsync(() => attempts == 1, Timeout, "workers started after sync", cts.Token);
        await controller.StopAsync(CancellationToken.None);
    }

    [Fact]
    public async Task Stop_EndsWorkersAndLeavesTheQueueUsable()
    {
        var time = new FakeTimeProvider();
        using var queue = new WorkQueue<string>("stop", time);
        var controller = NewController(queue, time, (_, _) => Task.FromResult(ReconcileResult.Done));
        using var cts = new CancellationTokenSource(Timeout);
        await controller.StartAsync(cts.Token);

        await controller.StopAsync(cts.Token);

        Assert.True(controller.ExecuteTask!.IsCompleted);
        Assert.False(queue.IsShutDown);
        queue.Add("a");
        Assert.Equal(1, queue.Len);
    }

    [Fact]
    public async Task Stop_MidReconcile_KeepsTheKeyForTheNextRun()
    {
        var time = new FakeTimeProvider();
        using var queue = new WorkQueue<string>("mid", time);
        var started = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var controller = NewController(queue, time, async (_, ct) =>
        {
            started.TrySetResult();
            await Task.Delay(System.Threading.Timeout.InfiniteTimeSpan, ct);
            return ReconcileResult.Done;
        });
        using var cts = new CancellationTokenSource(Timeout);
        await controller.StartAsync(cts.Token);
        queue.Add("a");
        await started.Task.WaitAsync(cts.Token);

        await controller.StopAsync(cts.Token);

        Assert.Equal(1, queue.Len);
        Assert.Equal("a", await queue.TakeAsync(cts.Token));
    }

    private static Controller<string> NewController(
        WorkQueue<string> queue,
        TimeProvider time,
        Func<string, CancellationToken, Task<ReconcileResult>> reconcile,
        int workers = 1,
        FakeSyncInformer? waitFor = null) =>
        new(
            "test-controller",
            new DelegateReconciler<string>(reconcile),
            queue,
            Options.Create(new ControllerOptions { Workers = workers }),
            NullLogger<Controller<string>>.Instance,
            waitFor is null ? null : [waitFor],
            time);
}
