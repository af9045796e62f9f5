using System.Threading.Channels;
using Karmada.Storage;
using Microsoft.Extensions.Logging;

namespace Karmada.ApiServer.Caching;

/// <summary>
/// The API server's cache of one resource (one storage prefix): all current objects in key order plus a bounded
/// history of recent events, kept current by one storage watch. It serves GET, LIST and every WATCH of the
/// resource, so storage sees one watch per resource however many clients watch it.
/// </summary>
public sealed partial class WatchCache : IAsyncDisposable
{
    private readonly IObjectStore _store;
    private readonly ILogger _logger;
    private readonly int _historyCapacity;
    private readonly int _subscriberBuffer;
    private readonly Lock _gate = new();
    private readonly SortedDictionary<string, CachedObject> _objects = new(StringComparer.Ordinal);
    private readonly WatchCacheEvent?[] _history;
    private readonly List<WatchSubscription> _subscribers = [];
    private readonly CancellationTokenSource _stop = new();
    private readonly TaskCompletionSource _ready = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly List<(long Revision, TaskCompletionSource Signal)> _revisionWaiters = [];
    private readonly Dictionary<string, CachedObject> _written = new(StringComparer.Ordinal);
    private int _historyStart;
    private int _historyCount;
    private long _revision;
    private long _oldestValidRevision;
    private Task? _loop;

    public WatchCache(IObjectStore store, string prefix, ILogger logger, int historyCapacity = 8192, int subscriberBuffer = 20000)
    {
        _store = store;
        Prefix = prefix;
        _logger = logger;
        _historyCapacity = historyCapacity;
        _subscriberBuffer = subscriberBuffer;
        _history = new WatchCacheEvent?[historyCapacity];
    }

    public string Prefix { get; }

    /// <summary>Revision of the last change applied to the cache.</summary>
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

    public int Count
    {
        get
        {
            lock (_gate)
            {
                return _objects.Count;
            }
        }
    }

#pragma warning disable VSTHRD003 // completed by this cache's own loop
    public Task Ready => _ready.Task;
#pragma warning restore VSTHRD003

    public void Start() => _loop ??= RunAsync(_stop.Token);

    /// <summary>Waits until the cache has applied every change up to <paramref name="revision"/>.</summary>
    public async Task WaitForRevisionAsync(long revision, CancellationToken cancellationToken)
    {
        await Ready.WaitAsync(cancellationToken);
        TaskCompletionSource signal;
        lock (_gate)
        {
            if (_revision >= revision)
            {
                return;
            }

            signal = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            _revisionWaiters.Add((revision, signal));
        }

#pragma warning disable VSTHRD003 // the signal is completed by the cache's own watch loop, never by this caller's context
        await signal.Task.WaitAsync(cancellationToken);
#pragma warning restore VSTHRD003
    }

    public CachedObject? Get(string key)
    {
        lock (_gate)
        {
            return _objects.GetValueOrDefault(key);
        }
    }

    /// <summary>
    /// Hands the cache the object a write through this server just produced, so that applying the write's storage
    /// event reuses it instead of stamping and summarising the same bytes again; the one instance then serves the
    /// write's response, GETs, LISTs and every watcher. Returns the instance to respond with.
    /// </summary>
    public CachedObject Adopt(CachedObject written)
    {
        ArgumentNullException.ThrowIfNull(written);
        lock (_gate)
        {
            if (_revision >= written.Revision)
            {
                // The event was applied first: answer with the cached instance when it is this very revision.
                return _objects.TryGetValue(written.Key, out var cached) && cached.Revision == written.Revision ? cached : written;
            }

            _written[written.Key] = written;
            return written;
        }
    }

    /// <summary>
    /// Objects under <paramref name="keyPrefix"/> that pass <paramref name="filter"/>, in key order, starting after
    /// <paramref name="startAfterKey"/>; stops after <paramref name="limit"/> (0 = all) and reports whether more match.
    /// </summary>
    public (List<CachedObject> Items, long Revision, bool HasMore) List(string keyPrefix, Func<CachedObject, bool> filter, string? startAfterKey, int limit)
    {
        var items = new List<CachedObject>();
        lock (_gate)
        {
            foreach (var (key, value) in _objects)
            {
                if (!key.StartsWith(keyPrefix, StringComparison.Ordinal))
                {
                    continue;
                }

                if (startAfterKey is not null && string.CompareOrdinal(key, startAfterKey) <= 0)
                {
                    continue;
                }

                if (!filter(value))
                {
                    continue;
                }

                if (limit > 0 && items.Count == limit)
                {
                    return (items, _revision, true);
                }

                items.Add(value);
            }

            return (items, _revision, false);
        }
    }

    /// <summary>
    /// Subscribes to changes after <paramref name="afterRevision"/>: the backlog from history is queued first.
    /// Throws <see cref="StorageException"/> (Expired) when that history is gone.
    /// </summary>
    public WatchSubscription Subscribe(long afterRevision)
    {
        var channel = Channel.CreateBounded<WatchCacheEvent>(new BoundedChannelOptions(_subscriberBuffer)
        {
            SingleReader = true,
            SingleWriter = true,
            FullMode = BoundedChannelFullMode.Wait,
        });
        var subscription = new WatchSubscription(channel, Unsubscribe);
        lock (_gate)
        {
            if (afterRevision < _oldestValidRevision)
            {
                throw new StorageException(StorageErrorKind.Expired, Prefix, $"too old resource version: {afterRevision} ({_oldestValidRevision})")
                {
                    CompactedRevision = _oldestValidRevision,
                };
            }

            for (var i = 0; i < _historyCount; i++)
            {
                var e = _history[(_historyStart + i) % _historyCapacity]!;
                if (e.Revision > afterRevision && !channel.Writer.TryWrite(e))
                {
                    channel.Writer.TryComplete(new StorageException(StorageErrorKind.Expired, Prefix, "watch backlog too large"));
                    break;
                }
            }

            _subscribers.Add(subscription);
        }

        return subscription;
    }

    /// <summary>A snapshot of every object with the revision it reflects (for initial ADDED events).</summary>
    public (List<CachedObject> Items, long Revision) Snapshot(string keyPrefix)
    {
        var (items, revision, _) = List(keyPrefix, static _ => true, null, 0);
        return (items, revision);
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        if (_loop is not null)
        {
            try
            {
#pragma warning disable VSTHRD003 // the loop was started by this instance
                await _loop;
#pragma warning restore VSTHRD003
            }
            catch (OperationCanceledException)
            {
            }
        }

        lock (_gate)
        {
            foreach (var s in _subscribers)
            {
                s.Channel.Writer.TryComplete();
            }

            _subscribers.Clear();
        }

        _stop.Dispose();
    }

    private void Unsubscribe(WatchSubscription subscription)
    {
        lock (_gate)
        {
            _subscribers.Remove(subscription);
        }

        subscription.Channel.Writer.TryComplete();
    }

    private async Task RunAsync(CancellationToken cancellationToken)
    {
        var backoff = TimeSpan.FromMilliseconds(100);
        while (!cancellationToken.IsCancellationRequested)
        {
            try
            {
                var revision = await LoadAsync(cancellationToken);
                _ready.TrySetResult();
                backoff = TimeSpan.FromMilliseconds(100);
                await foreach (var e in _store.WatchAsync(Prefix, revision, cancellationToken))
                {
                    Apply(e);
                }
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex)
            {
                LogWatchFailed(_logger, Prefix, ex);
                ResetSubscribers(ex);
                await Task.Delay(backoff, cancellationToken);
                backoff = TimeSpan.FromMilliseconds(Math.Min(backoff.TotalMilliseconds * 2, 5000));
            }
        }
    }

    private async Task<long> LoadAsync(CancellationToken cancellationToken)
    {
        var loaded = new SortedDictionary<string, CachedObject>(StringComparer.Ordinal);
        string? after = null;
        long revision = 0;
        while (true)
        {
            var page = await _store.ListAsync(Prefix, new ListRequest(after, 1000), cancellationToken);
            if (revision == 0)
            {
                revision = page.Revision;
            }

            foreach (var item in page.Items)
            {
                loaded[item.Key] = CachedObject.FromStored(item.Key, item.Value.Span, item.ModRevision, item.CreateRevision);
            }

            if (!page.HasMore || page.Items.Count == 0)
            {
                break;
            }

            after = page.Items[^1].Key;
        }

        // Pages are read at the latest revision each; the watch from the first page's revision replays anything
        // that changed while paging, and Apply is idempotent for those replays.
        lock (_gate)
        {
            _objects.Clear();
            foreach (var (key, value) in loaded)
            {
                _objects[key] = value;
            }

            _historyStart = 0;
            _historyCount = 0;
            _written.Clear();
            _revision = Math.Max(_revision, revision);
            _oldestValidRevision = _revision;
            ReleaseWaiters();
        }

        return revision;
    }

    private void Apply(StoreEvent e)
    {
        lock (_gate)
        {
            _objects.TryGetValue(e.Key, out var previous);
            if (previous is not null && previous.Revision >= e.Revision)
            {
                return;
            }

            WatchCacheEvent change;
            var current = TakeWritten(e) ?? CachedObject.FromStored(e.Key, e.Value.Span, e.Revision, e.CreateRevision);
            if (e.Type == StoreEventType.Deleted)
            {
                if (previous is null)
                {
                    _revision = Math.Max(_revision, e.Revision);
                    ReleaseWaiters();
                    return;
                }

                _objects.Remove(e.Key);
                change = new WatchCacheEvent(WatchEventType.Deleted, current, previous);
            }
            else
            {
                _objects[e.Key] = current;
                change = new WatchCacheEvent(previous is null ? WatchEventType.Added : WatchEventType.Modified, current, previous);
            }

            AppendHistory(change);
            _revision = e.Revision;
            for (var i = _subscribers.Count - 1; i >= 0; i--)
            {
                var subscriber = _subscribers[i];
                if (!subscriber.Channel.Writer.TryWrite(change))
                {
                    subscriber.Channel.Writer.TryComplete(new StorageException(StorageErrorKind.Expired, Prefix, "watcher fell too far behind"));
                    _subscribers.RemoveAt(i);
                }
            }

            ReleaseWaiters();
        }
    }

    private CachedObject? TakeWritten(StoreEvent e)
    {
        if (!_written.TryGetValue(e.Key, out var written) || written.Revision > e.Revision)
        {
            return null;
        }

        _written.Remove(e.Key);
        return written.Revision == e.Revision && e.Type != StoreEventType.Deleted ? written : null;
    }

    private void AppendHistory(WatchCacheEvent change)
    {
        if (_historyCount == _historyCapacity)
        {
            _oldestValidRevision = _history[_historyStart]!.Revision;
            _history[_historyStart] = change;
            _historyStart = (_historyStart + 1) % _historyCapacity;
            return;
        }

        _history[(_historyStart + _historyCount) % _historyCapacity] = change;
        _historyCount++;
    }

    private void ReleaseWaiters()
    {
        for (var i = _revisionWaiters.Count - 1; i >= 0; i--)
        {
            if (_revisionWaiters[i].Revision <= _revision)
            {
                _revisionWaiters[i].Signal.TrySetResult();
                _revisionWaiters.RemoveAt(i);
            }
        }
    }

    private void ResetSubscribers(Exception cause)
    {
        lock (_gate)
        {
            foreach (var s in _subscribers)
            {
                s.Channel.Writer.TryComplete(new StorageException(StorageErrorKind.Expired, Prefix, "watch cache restarted", cause));
            }

            _subscribers.Clear();
        }
    }

    [LoggerMessage(1001, LogLevel.Warning, "Watch cache for {Prefix} lost its storage watch; relisting")]
    private static partial void LogWatchFailed(ILogger logger, string prefix, Exception ex);
}
