using System.Collections.Concurrent;

namespace Karmada.Controllers.Dependencies;

/// <summary>
/// Group commit of writes to one object: the requests submitted for a key while a write of that key is in flight
/// are written together by the next single write, and each submitter completes with the outcome of the write that
/// carried its request. A batch that fails is written again one request at a time, so one request the server
/// refuses fails only its own submitter. Nothing lives here beyond the submitters waiting for their outcome: a
/// request a restart drops is its submitter's reconcile, which runs again.
/// </summary>
/// <typeparam name="TKey">Identifies the object written.</typeparam>
/// <typeparam name="TRequest">One submitter's change to it.</typeparam>
public sealed class GroupCommit<TKey, TRequest>
    where TKey : notnull
{
    private readonly Func<TKey, IReadOnlyList<TRequest>, CancellationToken, Task> _write;

    // One per key ever written by this process: a ConfigMap's worth of memory each.
    private readonly ConcurrentDictionary<TKey, Group> _groups = new();

    /// <param name="write">Writes a batch of requests to the object of a key; throws when the write fails.</param>
    public GroupCommit(Func<TKey, IReadOnlyList<TRequest>, CancellationToken, Task> write)
    {
        ArgumentNullException.ThrowIfNull(write);
        _write = write;
    }

    /// <summary>Completes once a write that carried <paramref name="request"/> succeeded; throws its failure otherwise.</summary>
    public async Task SubmitAsync(TKey key, TRequest request, CancellationToken cancellationToken)
    {
        var group = _groups.GetOrAdd(key, _ => new Group());
        var pending = new Pending(request);
        bool leads;
        lock (group.Gate)
        {
            group.Queue.Add(pending);
            leads = group.Writer is null;
            if (leads)
            {
                group.Writer = pending;
            }
        }

        if (!leads)
        {
            // Until a write carries the request, or the writer before hands this submitter the next write.
            try
            {
                await Task.WhenAny(pending.Outcome.Task, pending.Writes.Task).WaitAsync(cancellationToken);
            }
            catch (OperationCanceledException)
            {
                lock (group.Gate)
                {
                    if (group.Writer != pending)
                    {
                        group.Queue.Remove(pending);
                        throw;
                    }
                }

                // Handed the next write already: it must still happen (it fails at once on the cancelled token)
                // and pass the turn on, or the submitters after this one would wait for ever.
            }

            leads = pending.Writes.Task.IsCompleted;
        }

        if (leads)
        {
            await WriteNextAsync(key, group, cancellationToken);
        }

#pragma warning disable VSTHRD003 // completed by the write that carried the request, with RunContinuationsAsynchronously
        await pending.Outcome.Task;
#pragma warning restore VSTHRD003
    }

    /// <summary>Writes everything waiting, then hands the next write to the first request that arrived meanwhile.</summary>
    private async Task WriteNextAsync(TKey key, Group group, CancellationToken cancellationToken)
    {
        List<Pending> batch;
        lock (group.Gate)
        {
            batch = group.Queue;
            group.Queue = [];
        }

        try
        {
            await WriteAsync(key, batch, cancellationToken);
        }
        finally
        {
            lock (group.Gate)
            {
                group.Writer = group.Queue.Count > 0 ? group.Queue[0] : null;
                group.Writer?.Writes.TrySetResult();
            }
        }
    }

    private async Task WriteAsync(TKey key, List<Pending> batch, CancellationToken cancellationToken)
    {
        if (batch.Count == 0)
        {
            return;
        }

        try
        {
            await _write(key, [.. batch.Select(p => p.Request)], cancellationToken);
            foreach (var pending in batch)
            {
                pending.Outcome.TrySetResult();
            }

            return;
        }
        catch (Exception ex) when (batch.Count == 1 || cancellationToken.IsCancellationRequested)
        {
            foreach (var pending in batch)
            {
                pending.Outcome.TrySetException(ex);
            }

            return;
        }
        catch (Exception)
        {
            // Written again one by one below: a request the server refuses must not fail the others.
        }

        foreach (var pending in batch)
        {
            try
            {
                await _write(key, [pending.Request], cancellationToken);
                pending.Outcome.TrySetResult();
            }
            catch (Exception ex)
            {
                pending.Outcome.TrySetException(ex);
            }
        }
    }

    private sealed class Group
    {
        public Lock Gate { get; } = new();

        public List<Pending> Queue { get; set; } = [];

        // The submitter whose write is in flight or about to start; null when none is.
        public Pending? Writer { get; set; }
    }

    private sealed class Pending(TRequest request)
    {
        public TRequest Request { get; } = request;

        public TaskCompletionSource Outcome { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        // Set when this submitter is handed the next write.
        public TaskCompletionSource Writes { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    }
}
