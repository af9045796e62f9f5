using Karmada.Controllers.Dependencies;

namespace Karmada.Controllers.Tests.Dependencies;

/// <summary>
/// Group commit without a server: requests arriving while a write is in flight share the next write, a refused
/// request fails only its own submitter, and a cancelled submitter's request is not written.
/// </summary>
public sealed class GroupCommitTests
{
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task RequestsArrivingDuringAWrite_ShareTheNextWrite()
    {
        var writes = new List<IReadOnlyList<int>>();
        var firstWriteHeld = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var firstWriteStarted = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var commit = new GroupCommit<string, int>(async (_, batch, ct) =>
        {
            lock (writes)
            {
                writes.Add(batch);
            }

            if (batch.Contains(0))
            {
                firstWriteStarted.TrySetResult();
                await firstWriteHeld.Task.WaitAsync(Deadline, ct);
            }
        });

        var first = commit.SubmitAsync("cfg", 0, CancellationToken.None);
        await firstWriteStarted.Task.WaitAsync(Deadline);
        var rest = Enumerable.Range(1, 19).Select(i => commit.SubmitAsync("cfg", i, CancellationToken.None)).ToList();
        Assert.All(rest, t => Assert.False(t.IsCompleted));
        firstWriteHeld.SetResult();
        await Task.WhenAll([first, .. rest]).WaitAsync(Deadline);

        Assert.Equal(2, writes.Count);
        Assert.Equal(new[] { 0 }, writes[0]);
        Assert.Equal(Enumerable.Range(1, 19), writes[1].Order());
    }

    [Fact]
    public async Task DifferentKeys_AreWrittenIndependently()
    {
        var held = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var commit = new GroupCommit<string, int>(async (key, _, ct) =>
        {
            if (key == "a")
            {
                await held.Task.WaitAsync(Deadline, ct);
            }
        });

        var a = commit.SubmitAsync("a", 1, CancellationToken.None);
        await commit.SubmitAsync("b", 2, CancellationToken.None).WaitAsync(Deadline);
        Assert.False(a.IsCompleted);
        held.SetResult();
        await a.WaitAsync(Deadline);
    }

    [Fact]
    public async Task ARefusedRequest_FailsOnlyItsSubmitter_TheOthersAreWrittenAlone()
    {
        var writes = new List<IReadOnlyList<int>>();
        var held = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var started = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var commit = new GroupCommit<string, int>(async (_, batch, ct) =>
        {
            lock (writes)
            {
                writes.Add(batch);
            }

            if (batch.Contains(0))
            {
                started.TrySetResult();
                await held.Task.WaitAsync(Deadline, ct);
            }

            if (batch.Contains(2))
            {
                throw new InvalidOperationException("refused");
            }
        });

        var first = commit.SubmitAsync("cfg", 0, CancellationToken.None);
        await started.Task.WaitAsync(Deadline);
        var one = commit.SubmitAsync("cfg", 1, CancellationToken.None);
        var two = commit.SubmitAsync("cfg", 2, CancellationToken.None);
        var three = commit.SubmitAsync("cfg", 3, CancellationToken.None);
        held.SetResult();

        await first.WaitAsync(Deadline);
        await one.WaitAsync(Deadline);
        await three.WaitAsync(Deadline);
        await Assert.ThrowsAsync<InvalidOperationException>(() => two.WaitAsync(Deadline));
        Assert.Equal(new[] { new[] { 0 }, [1, 2, 3], [1], [2], [3] }, writes.Select(w => w.ToArray()));
    }

    [Fact]
    public async Task ACancelledSubmitter_IsNotWritten_AndTheOthersStillAre()
    {
        var writes = new List<IReadOnlyList<int>>();
        var held = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var started = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var commit = new GroupCommit<string, int>(async (_, batch, ct) =>
        {
            lock (writes)
            {
                writes.Add(batch);
            }

            if (batch.Contains(0))
            {
                started.TrySetResult();
                await held.Task.WaitAsync(Deadline, ct);
            }
        });

        var first = commit.SubmitAsync("cfg", 0, CancellationToken.None);
        await started.Task.WaitAsync(Deadline);
        using var cancel = new CancellationTokenSource();
        var cancelled = commit.SubmitAsync("cfg", 1, cancel.Token);
        var kept = commit.SubmitAsync("cfg", 2, CancellationToken.None);
        await cancel.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => cancelled.WaitAsync(Deadline));
        held.SetResult();

        await Task.WhenAll(first, kept).WaitAsync(Deadline);
        Assert.Equal(new[] { new[] { 0 }, [2] }, writes.Select(w => w.ToArray()));
    }
}
