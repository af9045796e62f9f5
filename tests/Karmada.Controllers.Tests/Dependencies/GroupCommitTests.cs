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
        var commit = new HeldCommit();

        var first = await commit.SubmitHeldAsync();
        var rest = Enumerable.Range(1, 19).Select(i => commit.SubmitAsync(i)).ToList();
        Assert.All(rest, t => Assert.False(t.IsCompleted));
        commit.Release();
        await Task.WhenAll([first, .. rest]).WaitAsync(Deadline);

        var writes = commit.Writes;
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
        var commit = new HeldCommit(refused: 2);

        var first = await commit.SubmitHeldAsync();
        var one = commit.SubmitAsync(1);
        var two = commit.SubmitAsync(2);
        var three = commit.SubmitAsync(3);
        commit.Release();

        await first.WaitAsync(Deadline);
        await one.WaitAsync(Deadline);
        await three.WaitAsync(Deadline);
        await Assert.ThrowsAsync<InvalidOperationException>(() => two.WaitAsync(Deadline));
        Assert.Equal(new[] { new[] { 0 }, [1, 2, 3], [1], [2], [3] }, commit.Writes);
    }

    [Fact]
    public async Task ACancelledSubmitter_IsNotWritten_AndTheOthersStillAre()
    {
        var commit = new HeldCommit();

        var first = await commit.SubmitHeldAsync();
        using var cancel = new CancellationTokenSource();
        var cancelled = commit.SubmitAsync(1, cancel.Token);
        var kept = commit.SubmitAsync(2);
        await cancel.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => cancelled.WaitAsync(Deadline));
        commit.Release();

        await Task.WhenAll(first, kept).WaitAsync(Deadline);
        Assert.Equal(new[] { new[] { 0 }, [2] }, commit.Writes);
    }

    /// <summary>
    /// A group commit of one key that records every write's batch and holds the write of request 0 until released,
    /// so that what is submitted meanwhile queues behind it; a batch holding <c>refused</c> fails.
    /// </summary>
    private sealed class HeldCommit
    {
        private const string Key = "cfg";
        private readonly List<int[]> _writes = [];
        private readonly TaskCompletionSource _held = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private readonly TaskCompletionSource _started = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private readonly GroupCommit<string, int> _commit;

        public HeldCommit(int? refused = null) => _commit = new GroupCommit<string, int>(async (_, batch, ct) =>
        {
            lock (_writes)
            {
                _writes.Add([.. batch]);
            }

            if (batch.Contains(0))
            {
                _started.TrySetResult();
                await _held.Task.WaitAsync(Deadline, ct);
            }

            if (refused is { } value && batch.Contains(value))
            {
                throw new InvalidOperationException("refused");
            }
        });

        /// <summary>The batches written so far, in order.</summary>
        public IReadOnlyList<int[]> Writes
        {
            get
            {
                lock (_writes)
                {
                    return [.. _writes];
                }
            }
        }

        /// <summary>Submits request 0 and returns its task once its write has started (and is held).</summary>
        public async Task<Task> SubmitHeldAsync()
        {
            var first = _commit.SubmitAsync(Key, 0, CancellationToken.None);
            await _started.Task.WaitAsync(Deadline);
            return first;
        }

        public Task SubmitAsync(int request, CancellationToken cancellationToken = default) => _commit.SubmitAsync(Key, request, cancellationToken);

        public void Release() => _held.SetResult();
    }
}
