using System.Runtime.CompilerServices;
using Microsoft.Extensions.Logging;

namespace Karmada.Storage.Watching;

/// <summary>
/// Fans committed events out to watchers and keeps recent history for watches that start in the past.
/// Publishing and subscribing share one lock, so a new watcher sees every event exactly once: those published
/// before it subscribed come from history (or the caller's durable log), later ones through its queue.
/// </summary>
internal sealed class WatchHub
{
    private readonly Lock _gate = new();
    private readonly EventHistory _history;
    private readonly List<WatchSubscriber> _subscribers = [];
    private readonly int _bufferCapacity;
    private readonly ILogger _logger;
    private long _revision;
    private long _compactedRevision;
    private Exception? _closedReason;

    public WatchHub(long revision, long compactedRevision, int historyCapacity, int bufferCapacity, ILogger logger)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(bufferCapacity);
        _revision = revision;
        _compactedRevision = compactedRevision;
        _history = new EventHistory(historyCapacity);
        _bufferCapacity = bufferCapacity;
        _logger = logger;
    }

    /// <summary>Revision of the last published event.</summary>
    public long Revision
    {
        get
        {
            lock (_gate)
            {
                return _revision;
            }
        }
    }

    public int SubscriberCount
    {
        get
        {
            lock (_gate)
            {
                return _subscribers.Count;
            }
        }
    }

    /// <summary>Publishes events that are already committed, in revision order.</summary>
    public void Publish(IReadOnlyList<StoreEvent> events)
    {
        lock (_gate)
        {
            foreach (var e in events)
            {
                PublishLocked(e);
            }
        }
    }

    public void Publish(StoreEvent e)
    {
        lock (_gate)
        {
            PublishLocked(e);
        }
    }

    /// <summary>Watches that start below <paramref name="revision"/> expire from now on.</summary>
    public void Compact(long revision)
    {
        lock (_gate)
        {
            _compactedRevision = Math.Max(_compactedRevision, revision);
        }
    }

    /// <summary>
    /// Registers a watcher for events after <paramref name="afterRevision"/>. When the in-memory history does not
    /// reach back that far, the caller replays the durable log up to the returned revision if
    /// <paramref name="hasDurableLog"/>, otherwise the watch has expired.
    /// </summary>
    public WatchStart Subscribe(string prefix, long afterRevision, bool hasDurableLog)
    {
        lock (_gate)
        {
            if (_closedReason is not null)
            {
                throw new StorageException(StorageErrorKind.Unavailable, prefix, "the store is closed", _closedReason);
            }

            if (afterRevision < _compactedRevision)
            {
                throw StorageKeys.Expired(prefix, afterRevision, _compactedRevision, "history was compacted");
            }

            var oldestInMemory = _history.OldestRevision ?? _revision + 1;
            long logUpTo = 0;
            if (afterRevision + 1 < oldestInMemory)
            {
                if (!hasDurableLog)
                {
                    throw StorageKeys.Expired(prefix, afterRevision, oldestInMemory - 1, "history is no longer retained");
                }

                logUpTo = oldestInMemory - 1;
            }

            var backlog = new List<StoreEvent>();
            _history.CopyAfter(afterRevision, prefix, backlog);
            var subscriber = new WatchSubscriber(prefix, afterRevision, _bufferCapacity);
            _subscribers.Add(subscriber);
            return new WatchStart(subscriber, logUpTo, backlog);
        }
    }

    /// <summary>Yields the start's backlog, then live events until cancelled or the subscriber is ended.</summary>
    public static async IAsyncEnumerable<StoreEvent> ReadAsync(WatchStart start, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        foreach (var e in start.Backlog)
        {
            cancellationToken.ThrowIfCancellationRequested();
            yield return e;
        }

        await foreach (var e in start.Subscriber.Reader.ReadAllAsync(cancellationToken))
        {
            yield return e;
        }
    }

    public void Unsubscribe(WatchSubscriber subscriber)
    {
        lock (_gate)
        {
            _subscribers.Remove(subscriber);
        }
    }

    /// <summary>Ends every watch with <paramref name="reason"/> and refuses new ones.</summary>
    public void Close(Exception reason)
    {
        lock (_gate)
        {
            _closedReason = reason;
            foreach (var subscriber in _subscribers)
            {
                subscriber.End(reason);
            }

            _subscribers.Clear();
        }
    }

    private void PublishLocked(StoreEvent e)
    {
        _history.Append(e);
        _revision = e.Revision;
        for (var i = _subscribers.Count - 1; i >= 0; i--)
        {
            var subscriber = _subscribers[i];
            if (!subscriber.Matches(e) || subscriber.TryWrite(e))
            {
                continue;
            }

            // Unbounded queues would let one stalled client hold every value in memory; like kube-apiserver's
            // cacher we end the watch and let the client resume from its last revision or relist.
            _subscribers.RemoveAt(i);
            StorageLog.WatcherFellBehind(_logger, subscriber.Prefix, _bufferCapacity);
            subscriber.End(StorageKeys.Expired(
                subscriber.Prefix,
                subscriber.AfterRevision,
                _history.OldestRevision is { } oldest ? oldest - 1 : _revision,
                $"the watcher fell more than {_bufferCapacity} events behind"));
        }
    }
}
