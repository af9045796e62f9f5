using System.Text;

namespace Karmada.Storage.Tests;

/// <summary>
/// The contract every backend must honour. Each derived class supplies its store; tests use fresh key prefixes
/// so a backend may share one server between tests.
/// </summary>
public abstract class ObjectStoreConformanceTests : IAsyncLifetime, IDisposable
{
    private const string Pods = "/registry/core/pods/";
    private readonly List<IObjectStore> _stores = [];
    private readonly CancellationTokenSource _timeout = new(TimeSpan.FromSeconds(60));

    protected CancellationToken Ct => _timeout.Token;

    public virtual Task InitializeAsync() => Task.CompletedTask;

    public virtual async Task DisposeAsync()
    {
        foreach (var store in _stores)
        {
            await store.DisposeAsync();
        }
    }

    public void Dispose()
    {
        Dispose(true);
        GC.SuppressFinalize(this);
    }

    [Fact]
    public async Task Create_NewKey_ReturnsObjectThatGetReads()
    {
        var store = await NewStoreAsync();
        var value = Bytes("pod-a");

        var created = await store.CreateAsync(Pods + "ns/a", value, Ct);
        var read = await store.GetAsync(Pods + "ns/a", Ct);

        Assert.Equal(Pods + "ns/a", created.Key);
        Assert.True(created.ModRevision > 0);
        Assert.Equal(created.ModRevision, created.CreateRevision);
        Assert.NotNull(read);
        Assert.Equal(value, read.Value.ToArray());
        Assert.Equal(created.ModRevision, read.ModRevision);
        Assert.Equal(created.CreateRevision, read.CreateRevision);
        Assert.Equal(created.ModRevision, await store.GetCurrentRevisionAsync(Ct));
    }

    [Fact]
    public async Task Get_MissingKey_ReturnsNull()
    {
        var store = await NewStoreAsync();
        await store.CreateAsync(Pods + "ns/a", Bytes("a"), Ct);

        Assert.Null(await store.GetAsync(Pods + "ns/b", Ct));
        Assert.Null(await store.GetAsync(Pods + "ns/", Ct));
    }

    [Fact]
    public async Task Create_ExistingKey_ThrowsAlreadyExistsAndChangesNothing()
    {
        var store = await NewStoreAsync();
        var first = await store.CreateAsync(Pods + "ns/a", Bytes("first"), Ct);

        var ex = await Assert.ThrowsAsync<StorageException>(async () => await store.CreateAsync(Pods + "ns/a", Bytes("second"), Ct));

        Assert.Equal(StorageErrorKind.AlreadyExists, ex.Kind);
        Assert.Equal(Pods + "ns/a", ex.Key);
        var read = await store.GetAsync(Pods + "ns/a", Ct);
        Assert.Equal(Bytes("first"), read!.Value.ToArray());
        Assert.Equal(first.ModRevision, await store.GetCurrentRevisionAsync(Ct));
    }

    [Fact]
    public async Task List_Prefix_ReturnsOnlyKeysUnderPrefixInKeyOrder()
    {
        var store = await NewStoreAsync();
        foreach (var key in new[] { "/a/bc/1", "/a/b/2", "/a/a/1", "/a/b/1", "/a/b", "/b/1", "/a/b/10" })
        {
            await store.CreateAsync(key, Bytes(key), Ct);
        }

        var underSlash = await store.ListAsync("/a/b/", ListRequest.All, Ct);
        var underNoSlash = await store.ListAsync("/a/b", ListRequest.All, Ct);
        var none = await store.ListAsync("/c/", ListRequest.All, Ct);

        Assert.Equal(["/a/b/1", "/a/b/10", "/a/b/2"], underSlash.Items.Select(i => i.Key));
        Assert.Equal(["/a/b", "/a/b/1", "/a/b/10", "/a/b/2", "/a/bc/1"], underNoSlash.Items.Select(i => i.Key));
        Assert.All(underSlash.Items, i => Assert.Equal(Bytes(i.Key), i.Value.ToArray()));
        Assert.False(underSlash.HasMore);
        Assert.Empty(none.Items);
        Assert.Equal(await store.GetCurrentRevisionAsync(Ct), underSlash.Revision);
    }

    [Fact]
    public async Task List_WithLimit_PagesThroughEveryKeyOnce()
    {
        var store = await NewStoreAsync();
        var keys = Enumerable.Range(0, 8).Select(i => $"{Pods}ns/p{i}").ToList();
        foreach (var key in keys.OrderByDescending(k => k, StringComparer.Ordinal))
        {
            await store.CreateAsync(key, Bytes(key), Ct);
        }

        await store.CreateAsync(Pods + "nt/other", Bytes("other"), Ct);
        var pages = new List<ListResult>();
        string? after = null;
        do
        {
            var page = await store.ListAsync(Pods + "ns/", new ListRequest(after, 3), Ct);
            pages.Add(page);
            after = page.Items.Count > 0 ? page.Items[^1].Key : null;
        }
        while (pages[^1].HasMore && pages.Count < 10);

        Assert.Equal([3, 3, 2], pages.Select(p => p.Items.Count));
        Assert.Equal([true, true, false], pages.Select(p => p.HasMore));
        Assert.Equal(keys, pages.SelectMany(p => p.Items).Select(i => i.Key));
    }

    [Fact]
    public async Task List_LimitEqualToRemainingItems_ReportsNoMore()
    {
        var store = await NewStoreAsync();
        await store.CreateAsync("/x/1", Bytes("1"), Ct);
        await store.CreateAsync("/x/2", Bytes("2"), Ct);

        var exact = await store.ListAsync("/x/", new ListRequest(null, 2), Ct);
        var afterLast = await store.ListAsync("/x/", new ListRequest("/x/2", 2), Ct);
        var beforePrefix = await store.ListAsync("/x/", new ListRequest("/a", 1), Ct);

        Assert.Equal(2, exact.Items.Count);
        Assert.False(exact.HasMore);
        Assert.Empty(afterLast.Items);
        Assert.False(afterLast.HasMore);
        Assert.Equal("/x/1", Assert.Single(beforePrefix.Items).Key);
        Assert.True(beforePrefix.HasMore);
    }

    [Fact]
    public async Task Update_MatchingRevision_ReplacesValueAndKeepsCreateRevision()
    {
        var store = await NewStoreAsync();
        var created = await store.CreateAsync(Pods + "ns/a", Bytes("v1"), Ct);

        var updated = await store.UpdateAsync(Pods + "ns/a", Bytes("v2"), created.ModRevision, Ct);

        Assert.True(updated.ModRevision > created.ModRevision);
        Assert.Equal(created.CreateRevision, updated.CreateRevision);
        Assert.Equal(Bytes("v2"), updated.Value.ToArray());
        var read = await store.GetAsync(Pods + "ns/a", Ct);
        Assert.Equal(Bytes("v2"), read!.Value.ToArray());
        Assert.Equal(updated.ModRevision, read.ModRevision);
        Assert.Equal(created.CreateRevision, read.CreateRevision);
    }

    [Fact]
    public async Task Update_StaleRevision_ThrowsConflictAndKeepsValue()
    {
        var store = await NewStoreAsync();
        var created = await store.CreateAsync(Pods + "ns/a", Bytes("v1"), Ct);
        var updated = await store.UpdateAsync(Pods + "ns/a", Bytes("v2"), created.ModRevision, Ct);

        var ex = await Assert.ThrowsAsync<StorageException>(async () => await store.UpdateAsync(Pods + "ns/a", Bytes("v3"), created.ModRevision, Ct));

        Assert.Equal(StorageErrorKind.Conflict, ex.Kind);
        var read = await store.GetAsync(Pods + "ns/a", Ct);
        Assert.Equal(Bytes("v2"), read!.Value.ToArray());
        Assert.Equal(updated.ModRevision, read.ModRevision);
    }

    [Fact]
    public async Task Update_MissingKey_ThrowsNotFound()
    {
        var store = await NewStoreAsync();
        var other = await store.CreateAsync(Pods + "ns/other", Bytes("x"), Ct);

        var withZero = await Assert.ThrowsAsync<StorageException>(async () => await store.UpdateAsync(Pods + "ns/a", Bytes("v"), 0, Ct));
        var withRevision = await Assert.ThrowsAsync<StorageException>(async () => await store.UpdateAsync(Pods + "ns/a", Bytes("v"), other.ModRevision, Ct));

        Assert.Equal(StorageErrorKind.NotFound, withZero.Kind);
        Assert.Equal(StorageErrorKind.NotFound, withRevision.Kind);
        Assert.Null(await store.GetAsync(Pods + "ns/a", Ct));
    }

    [Fact]
    public async Task Delete_WithoutExpectedRevision_ReturnsLastValueAtDeletionRevision()
    {
        var store = await NewStoreAsync();
        var created = await store.CreateAsync(Pods + "ns/a", Bytes("v1"), Ct);
        var updated = await store.UpdateAsync(Pods + "ns/a", Bytes("v2"), created.ModRevision, Ct);

        var deleted = await store.DeleteAsync(Pods + "ns/a", null, Ct);

        Assert.Equal(Bytes("v2"), deleted.Value.ToArray());
        Assert.Equal(created.CreateRevision, deleted.CreateRevision);
        Assert.True(deleted.ModRevision > updated.ModRevision);
        Assert.Equal(deleted.ModRevision, await store.GetCurrentRevisionAsync(Ct));
        Assert.Null(await store.GetAsync(Pods + "ns/a", Ct));
    }

    [Fact]
    public async Task Delete_MatchingExpectedRevision_Deletes()
    {
        var store = await NewStoreAsync();
        var created = await store.CreateAsync(Pods + "ns/a", Bytes("v1"), Ct);

        var deleted = await store.DeleteAsync(Pods + "ns/a", created.ModRevision, Ct);

        Assert.Equal(Bytes("v1"), deleted.Value.ToArray());
        Assert.Null(await store.GetAsync(Pods + "ns/a", Ct));
    }

    [Fact]
    public async Task Delete_StaleExpectedRevision_ThrowsConflictAndKeepsKey()
    {
        var store = await NewStoreAsync();
        var created = await store.CreateAsync(Pods + "ns/a", Bytes("v1"), Ct);
        await store.UpdateAsync(Pods + "ns/a", Bytes("v2"), created.ModRevision, Ct);

        var ex = await Assert.ThrowsAsync<StorageException>(async () => await store.DeleteAsync(Pods + "ns/a", created.ModRevision, Ct));

        Assert.Equal(StorageErrorKind.Conflict, ex.Kind);
        Assert.Equal(Bytes("v2"), (await store.GetAsync(Pods + "ns/a", Ct))!.Value.ToArray());
    }

    [Fact]
    public async Task Delete_MissingKey_ThrowsNotFound()
    {
        var store = await NewStoreAsync();

        var plain = await Assert.ThrowsAsync<StorageException>(async () => await store.DeleteAsync(Pods + "ns/a", null, Ct));
        var expected = await Assert.ThrowsAsync<StorageException>(async () => await store.DeleteAsync(Pods + "ns/a", 1, Ct));

        Assert.Equal(StorageErrorKind.NotFound, plain.Kind);
        Assert.Equal(StorageErrorKind.NotFound, expected.Kind);
    }

    [Fact]
    public async Task Writes_InSequence_GetStrictlyIncreasingRevisions()
    {
        var store = await NewStoreAsync();
        var revisions = new List<long>();
        var a = await store.CreateAsync("/r/a", Bytes("1"), Ct);
        revisions.Add(a.ModRevision);
        var b = await store.CreateAsync("/r/b", Bytes("1"), Ct);
        revisions.Add(b.ModRevision);
        var a2 = await store.UpdateAsync("/r/a", Bytes("2"), a.ModRevision, Ct);
        revisions.Add(a2.ModRevision);
        revisions.Add((await store.DeleteAsync("/r/b", null, Ct)).ModRevision);
        revisions.Add((await store.CreateAsync("/r/b", Bytes("again"), Ct)).ModRevision);
        revisions.Add((await store.UpdateAsync("/r/a", Bytes("3"), a2.ModRevision, Ct)).ModRevision);

        Assert.Equal(revisions.Order(), revisions);
        Assert.Equal(revisions.Count, revisions.Distinct().Count());
        Assert.Equal(revisions[^1], await store.GetCurrentRevisionAsync(Ct));
    }

    [Fact]
    public async Task Watch_FromRevision_DeliversLaterEventsInOrder()
    {
        var store = await NewStoreAsync();
        var a1 = await store.CreateAsync(Pods + "ns/a", Bytes("a1"), Ct);
        var a2 = await store.UpdateAsync(Pods + "ns/a", Bytes("a2"), a1.ModRevision, Ct);
        var b1 = await store.CreateAsync(Pods + "ns/b", Bytes("b1"), Ct);
        var deleted = await store.DeleteAsync(Pods + "ns/a", null, Ct);
        await store.CreateAsync("/registry/core/pods-other/x", Bytes("outside"), Ct);
        await store.CreateAsync(Pods + "ns/zz-sentinel", Bytes("end"), Ct);

        var events = await CollectUntilAsync(store, Pods, a1.ModRevision, Pods + "ns/zz-sentinel");

        Assert.Equal(3, events.Count);
        AssertEvent(events[0], StoreEventType.Updated, Pods + "ns/a", "a2", a2.ModRevision, a1.CreateRevision, "a1");
        AssertEvent(events[1], StoreEventType.Created, Pods + "ns/b", "b1", b1.ModRevision, b1.ModRevision, null);
        AssertEvent(events[2], StoreEventType.Deleted, Pods + "ns/a", "a2", deleted.ModRevision, a1.CreateRevision, "a2");
    }

    [Fact]
    public async Task Watch_FromZeroAfterWrites_DeliversWholeHistory()
    {
        var store = await NewStoreAsync();
        var a = await store.CreateAsync("/w0/a", Bytes("a"), Ct);
        var b = await store.CreateAsync("/w0/b", Bytes("b"), Ct);
        var a2 = await store.UpdateAsync("/w0/a", Bytes("a2"), a.ModRevision, Ct);
        await store.CreateAsync("/w0/zz-sentinel", Bytes("end"), Ct);

        var events = await CollectUntilAsync(store, "/w0/", 0, "/w0/zz-sentinel");

        Assert.Equal([a.ModRevision, b.ModRevision, a2.ModRevision], events.Select(e => e.Revision));
        Assert.Equal([StoreEventType.Created, StoreEventType.Created, StoreEventType.Updated], events.Select(e => e.Type));
    }

    [Fact]
    public async Task Watch_StartedBeforeWrites_DeliversLiveEvents()
    {
        var store = await NewStoreAsync();
        var start = await store.GetCurrentRevisionAsync(Ct);
        using var cts = CancellationTokenSource.CreateLinkedTokenSource(Ct);
        await using var watch = store.WatchAsync("/live/", start, cts.Token).GetAsyncEnumerator(cts.Token);
        var first = watch.MoveNextAsync().AsTask();

        var created = await store.CreateAsync("/live/a", Bytes("a"), Ct);
        Assert.True(await first);
        var firstEvent = watch.Current;
        var updated = await store.UpdateAsync("/live/a", Bytes("b"), created.ModRevision, Ct);
        Assert.True(await watch.MoveNextAsync());

        Assert.Equal(created.ModRevision, firstEvent.Revision);
        Assert.Equal(StoreEventType.Created, firstEvent.Type);
        Assert.Equal(updated.ModRevision, watch.Current.Revision);
        Assert.Equal(StoreEventType.Updated, watch.Current.Type);
        Assert.Equal(Bytes("b"), watch.Current.Value.ToArray());
    }

    [Fact]
    public async Task Watch_CompactedRevision_ThrowsExpired()
    {
        var store = await NewStoreAsync(isolated: true);
        var revisions = new List<long>();
        for (var i = 0; i < 5; i++)
        {
            revisions.Add((await store.CreateAsync($"/c/{i}", Bytes($"{i}"), Ct)).ModRevision);
        }

        await store.CompactAsync(revisions[2], Ct);

        var ex = await Assert.ThrowsAsync<StorageException>(() => CollectAsync(store, "/c/", revisions[0], 1));
        Assert.Equal(StorageErrorKind.Expired, ex.Kind);
        Assert.True(ex.CompactedRevision >= revisions[1], $"compacted revision {ex.CompactedRevision} should be at least {revisions[1]}");
        var fromCompacted = await CollectAsync(store, "/c/", revisions[2], 2);
        Assert.Equal(revisions[3..], fromCompacted.Select(e => e.Revision));
    }

    [Fact]
    public async Task Compact_FutureRevision_ThrowsArgumentOutOfRange()
    {
        var store = await NewStoreAsync(isolated: true);
        var created = await store.CreateAsync("/f/a", Bytes("a"), Ct);

        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(async () => await store.CompactAsync(created.ModRevision + 1000, Ct));
    }

    [Fact]
    public async Task Watch_Prefix_IgnoresSiblingPrefixes()
    {
        var store = await NewStoreAsync();
        var start = await store.GetCurrentRevisionAsync(Ct);
        await store.CreateAsync("/a/bc/1", Bytes("sibling"), Ct);
        var inside = await store.CreateAsync("/a/b/1", Bytes("inside"), Ct);
        await store.CreateAsync("/a/bc/2", Bytes("sibling"), Ct);
        await store.CreateAsync("/a/b/zz-sentinel", Bytes("end"), Ct);

        var events = await CollectUntilAsync(store, "/a/b/", start, "/a/b/zz-sentinel");

        Assert.Equal(inside.ModRevision, Assert.Single(events).Revision);
    }

    [Fact]
    public async Task Watch_Cancelled_StopsWithOperationCanceled()
    {
        var store = await NewStoreAsync();
        var revision = await store.GetCurrentRevisionAsync(Ct);
        await store.CreateAsync("/cancel/stop", Bytes("x"), Ct);
        using var cts = CancellationTokenSource.CreateLinkedTokenSource(Ct);
        var seen = 0;

        await Assert.ThrowsAnyAsync<OperationCanceledException>(async () =>
        {
            await foreach (var e in store.WatchAsync("/cancel/", revision, cts.Token))
            {
                seen++;

                // Cancel while the watch is parked waiting for an event that never comes.
                cts.CancelAfter(TimeSpan.FromMilliseconds(50));
            }
        });
        Assert.Equal(1, seen);
    }

    [Fact]
    public async Task ConcurrentWriters_SixteenWriters_AllSucceedWithUniqueRevisionsAndWatcherSeesEveryWrite()
    {
        const int writers = 16;
        const int perWriter = 40;
        var store = await NewStoreAsync();
        var start = await store.GetCurrentRevisionAsync(Ct);
        var watching = CollectAsync(store, "/concurrent/", start, writers * perWriter);

        var results = await Task.WhenAll(Enumerable.Range(0, writers).Select(w => Task.Run(async () =>
        {
            var created = new List<StoredObject>();
            for (var i = 0; i < perWriter; i++)
            {
                var key = $"/concurrent/w{w:D2}/{i:D3}";
                created.Add(await store.CreateAsync(key, RandomBytes(w * 1000 + i, 1024), Ct));
            }

            return created;
        })));

        var all = results.SelectMany(r => r).ToList();
        var events = await watching;
        Assert.Equal(writers * perWriter, all.Select(o => o.ModRevision).Distinct().Count());
        Assert.All(all, o => Assert.True(o.ModRevision > start));
        Assert.Equal(events.Select(e => e.Revision).Order(), events.Select(e => e.Revision));
        Assert.Equal(all.Select(o => o.ModRevision).Order(), events.Select(e => e.Revision));
        var byRevision = all.ToDictionary(o => o.ModRevision);
        Assert.All(events, e =>
        {
            Assert.Equal(StoreEventType.Created, e.Type);
            Assert.Equal(byRevision[e.Revision].Key, e.Key);
            Assert.Equal(byRevision[e.Revision].Value.ToArray(), e.Value.ToArray());
        });
        Assert.Equal(writers * perWriter, (await store.ListAsync("/concurrent/", ListRequest.All, Ct)).Items.Count);
    }

    [Fact]
    public async Task Values_ArbitraryBytes_AreStoredByteExact()
    {
        var store = await NewStoreAsync();
        var allBytes = Enumerable.Range(0, 512).Select(i => (byte)i).ToArray();
        var large = RandomBytes(42, 256 * 1024);
        var start = await store.GetCurrentRevisionAsync(Ct);

        await store.CreateAsync("/bytes/all", allBytes, Ct);
        await store.CreateAsync("/bytes/empty", ReadOnlyMemory<byte>.Empty, Ct);
        var largeCreated = await store.CreateAsync("/bytes/large", large, Ct);
        await store.DeleteAsync("/bytes/large", null, Ct);
        await store.CreateAsync("/bytes/zz-sentinel", Bytes("end"), Ct);

        Assert.Equal(allBytes, (await store.GetAsync("/bytes/all", Ct))!.Value.ToArray());
        Assert.Empty((await store.GetAsync("/bytes/empty", Ct))!.Value.ToArray());
        var listed = await store.ListAsync("/bytes/", ListRequest.All, Ct);
        Assert.Equal(allBytes, listed.Items[0].Value.ToArray());
        Assert.Equal(large, largeCreated.Value.ToArray());
        var events = await CollectUntilAsync(store, "/bytes/", start, "/bytes/zz-sentinel");
        Assert.Equal(allBytes, events[0].Value.ToArray());
        Assert.Empty(events[1].Value.ToArray());
        Assert.Equal(large, events[2].Value.ToArray());
        Assert.Equal(StoreEventType.Deleted, events[3].Type);
        Assert.Equal(large, events[3].Value.ToArray());
    }

    [Fact]
    public async Task Create_CallerReusesBuffer_StoredValueUnchanged()
    {
        var store = await NewStoreAsync();
        var buffer = Bytes("original");

        var created = await store.CreateAsync("/copy/a", buffer, Ct);
        buffer.AsSpan().Fill((byte)'x');

        Assert.Equal(Bytes("original"), created.Value.ToArray());
        Assert.Equal(Bytes("original"), (await store.GetAsync("/copy/a", Ct))!.Value.ToArray());
    }

    protected abstract Task<IObjectStore> CreateStoreAsync();

    protected virtual void Dispose(bool disposing)
    {
        if (disposing)
        {
            _timeout.Dispose();
        }
    }

    /// <summary>A store whose history no other test shares; etcd compacts a whole cluster, not a prefix.</summary>
    protected virtual Task<IObjectStore> CreateIsolatedStoreAsync() => CreateStoreAsync();

    protected static byte[] Bytes(string text) => Encoding.UTF8.GetBytes(text);

    protected static byte[] RandomBytes(int seed, int length)
    {
        var bytes = new byte[length];
        new Random(seed).NextBytes(bytes);
        return bytes;
    }

    protected async Task<List<StoreEvent>> CollectAsync(IObjectStore store, string prefix, long afterRevision, int count)
    {
        using var cts = CancellationTokenSource.CreateLinkedTokenSource(Ct);
        cts.CancelAfter(TimeSpan.FromSeconds(30));
        var events = new List<StoreEvent>();
        await foreach (var e in store.WatchAsync(prefix, afterRevision, cts.Token))
        {
            events.Add(e);
            if (events.Count == count)
            {
                break;
            }
        }

        return events;
    }

    /// <summary>Collects events until the one for <paramref name="sentinelKey"/>, which is left out.</summary>
    protected async Task<List<StoreEvent>> CollectUntilAsync(IObjectStore store, string prefix, long afterRevision, string sentinelKey)
    {
        using var cts = CancellationTokenSource.CreateLinkedTokenSource(Ct);
        cts.CancelAfter(TimeSpan.FromSeconds(30));
        var events = new List<StoreEvent>();
        await foreach (var e in store.WatchAsync(prefix, afterRevision, cts.Token))
        {
            if (e.Key == sentinelKey)
            {
                break;
            }

            events.Add(e);
        }

        return events;
    }

    protected async Task<IObjectStore> NewStoreAsync(bool isolated = false)
    {
        var store = isolated ? await CreateIsolatedStoreAsync() : await CreateStoreAsync();
        _stores.Add(store);
        return store;
    }

    private static void AssertEvent(StoreEvent e, StoreEventType type, string key, string value, long revision, long createRevision, string? previous)
    {
        Assert.Equal(type, e.Type);
        Assert.Equal(key, e.Key);
        Assert.Equal(value, Encoding.UTF8.GetString(e.Value.Span));
        Assert.Equal(revision, e.Revision);
        Assert.Equal(createRevision, e.CreateRevision);
        if (previous is not null)
        {
            Assert.True(e.PreviousValue.HasValue, $"{type} event for {key} should carry the previous value");
            Assert.Equal(previous, Encoding.UTF8.GetString(e.PreviousValue.Value.Span));
        }
        else
        {
            Assert.Null(e.PreviousValue);
        }
    }
}
