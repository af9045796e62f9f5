using System.Collections.Immutable;
using System.Runtime.CompilerServices;
using Karmada.Storage.Watching;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Karmada.Storage.Memory;

/// <summary>
/// An in-process store for tests and simulated member clusters: nothing survives the process. Reads take an
/// immutable snapshot without locking; writes serialize on one short lock (a tree update and an event fan-out).
/// Watch history is a bounded in-memory ring; older starting points expire.
/// </summary>
public sealed class MemoryObjectStore : IObjectStore
{
    /// <summary>Events kept for watches that start in the past.</summary>
    public const int DefaultHistoryCapacity = 100_000;

    /// <summary>Events a watcher may have unread before its watch ends with Expired.</summary>
    public const int DefaultWatchBufferCapacity = 10_000;

    private readonly Lock _writeGate = new();
    private readonly WatchHub _hub;
    private volatile Snapshot _snapshot = new(ImmutableSortedSet.Create<StoredObject>(StorageKeyComparer.Instance), 0);
    private volatile bool _disposed;

    public MemoryObjectStore()
        : this(DefaultHistoryCapacity, DefaultWatchBufferCapacity, NullLogger.Instance)
    {
    }

    public MemoryObjectStore(int historyCapacity, int watchBufferCapacity, ILogger logger)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(historyCapacity);
        ArgumentNullException.ThrowIfNull(logger);
        _hub = new WatchHub(0, 0, historyCapacity, watchBufferCapacity, logger);
    }

    public string Backend => "memory";

    public ValueTask<StoredObject?> GetAsync(string key, CancellationToken cancellationToken)
    {
        StorageKeys.ValidateKey(key);
        ThrowIfUnusable(cancellationToken);
        return ValueTask.FromResult(Find(_snapshot.Items, key));
    }

    public ValueTask<ListResult> ListAsync(string prefix, ListRequest request, CancellationToken cancellationToken)
    {
        StorageKeys.ValidateList(prefix, request);
        ThrowIfUnusable(cancellationToken);
        var snapshot = _snapshot;
        var items = snapshot.Items;
        int index;
        if (request.StartAfterKey is { } after && StorageKeyComparer.CompareKeys(after, prefix) >= 0)
        {
            index = items.IndexOf(Probe(after));
            index = index >= 0 ? index + 1 : ~index;
        }
        else
        {
            index = items.IndexOf(Probe(prefix));
            index = index >= 0 ? index : ~index;
        }

        var page = new List<StoredObject>();
        var hasMore = false;
        for (; index < items.Count; index++)
        {
            var item = items[index];
            if (!item.Key.StartsWith(prefix, StringComparison.Ordinal))
            {
                break;
            }

            if (request.Limit > 0 && page.Count == request.Limit)
            {
                hasMore = true;
                break;
            }

            page.Add(item);
        }

        return ValueTask.FromResult(new ListResult(page, snapshot.Revision, hasMore));
    }

    public ValueTask<StoredObject> CreateAsync(string key, ReadOnlyMemory<byte> value, CancellationToken cancellationToken)
    {
        StorageKeys.ValidateKey(key);
        ThrowIfUnusable(cancellationToken);
        var copy = value.ToArray();
        lock (_writeGate)
        {
            var snapshot = _snapshot;
            if (Find(snapshot.Items, key) is not null)
            {
                throw StorageKeys.AlreadyExists(key);
            }

            var revision = snapshot.Revision + 1;
            var created = new StoredObject(key, copy, revision, revision);
            Commit(snapshot.Items.Add(created), new StoreEvent(StoreEventType.Created, key, copy, revision, revision, null));
            return ValueTask.FromResult(created);
        }
    }

    public ValueTask<StoredObject> UpdateAsync(string key, ReadOnlyMemory<byte> value, long expectedRevision, CancellationToken cancellationToken)
    {
        StorageKeys.ValidateKey(key);
        ThrowIfUnusable(cancellationToken);
        var copy = value.ToArray();
        lock (_writeGate)
        {
            var snapshot = _snapshot;
            var current = Find(snapshot.Items, key) ?? throw StorageKeys.NotFound(key);
            if (current.ModRevision != expectedRevision)
            {
                throw StorageKeys.Conflict(key, expectedRevision, current.ModRevision);
            }

            var revision = snapshot.Revision + 1;
            var updated = new StoredObject(key, copy, current.CreateRevision, revision);
            Commit(
                snapshot.Items.Remove(current).Add(updated),
                new StoreEvent(StoreEventType.Updated, key, copy, revision, current.CreateRevision, current.Value));
            return ValueTask.FromResult(updated);
        }
    }

    public ValueTask<StoredObject> DeleteAsync(string key, long? expectedRevision, CancellationToken cancellationToken)
    {
        StorageKeys.ValidateKey(key);
        ThrowIfUnusable(cancellationToken);
        lock (_writeGate)
        {
            var snapshot = _snapshot;
            var current = Find(snapshot.Items, key) ?? throw StorageKeys.NotFound(key);
            if (expectedRevision is { } expected && current.ModRevision != expected)
            {
                throw StorageKeys.Conflict(key, expected, current.ModRevision);
            }

            var revision = snapshot.Revision + 1;
            Commit(
                snapshot.Items.Remove(current),
                new StoreEvent(StoreEventType.Deleted, key, current.Value, revision, current.CreateRevision, current.Value));
            return ValueTask.FromResult(current with { ModRevision = revision });
        }
    }

    public async IAsyncEnumerable<StoreEvent> WatchAsync(string prefix, long afterRevision, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        StorageKeys.ValidateWatch(prefix, afterRevision);
        ThrowIfUnusable(cancellationToken);
        var start = _hub.Subscribe(prefix, afterRevision, hasDurableLog: false);
        try
        {
            await foreach (var e in WatchHub.ReadAsync(start, cancellationToken))
            {
                yield return e;
            }
        }
        finally
        {
            _hub.Unsubscribe(start.Subscriber);
        }
    }

    public ValueTask<long> GetCurrentRevisionAsync(CancellationToken cancellationToken)
    {
        ThrowIfUnusable(cancellationToken);
        return ValueTask.FromResult(_snapshot.Revision);
    }

    public ValueTask CompactAsync(long revision, CancellationToken cancellationToken)
    {
        ThrowIfUnusable(cancellationToken);
        var current = _snapshot.Revision;
        ArgumentOutOfRangeException.ThrowIfGreaterThan(revision, current);
        _hub.Compact(revision);
        return ValueTask.CompletedTask;
    }

    public ValueTask DisposeAsync()
    {
        _disposed = true;
        _hub.Close(new ObjectDisposedException(nameof(MemoryObjectStore)));
        return ValueTask.CompletedTask;
    }

    private static StoredObject Probe(string key) => new(key, ReadOnlyMemory<byte>.Empty, 0, 0);

    private static StoredObject? Find(ImmutableSortedSet<StoredObject> items, string key) =>
        items.TryGetValue(Probe(key), out var found) ? found : null;

    private void Commit(ImmutableSortedSet<StoredObject> items, StoreEvent e)
    {
        // Publish before swapping the snapshot: a reader that sees revision N can always watch from N.
        _hub.Publish(e);
        _snapshot = new Snapshot(items, e.Revision);
    }

    private void ThrowIfUnusable(CancellationToken cancellationToken)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        cancellationToken.ThrowIfCancellationRequested();
    }

    private sealed record Snapshot(ImmutableSortedSet<StoredObject> Items, long Revision);
}
