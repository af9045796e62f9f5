using System.Text;
using Karmada.ApiServer.Caching;
using Karmada.Storage;
using Karmada.Storage.Memory;
using Karmada.Testing;
using Microsoft.Extensions.Logging.Abstractions;

namespace Karmada.ApiServer.Tests.Caching;

public sealed class WatchCacheTests
{
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(10);

    [Fact]
    public async Task Subscribe_RevisionOlderThanHistory_IsExpired()
    {
        await using var store = new MemoryObjectStore();
        await using var cache = new WatchCache(store, "/registry/core/configmaps/", NullLogger.Instance, historyCapacity: 4);
        cache.Start();
        await cache.Ready;
        long last = 0;
        for (var i = 0; i < 10; i++)
        {
            last = (await store.CreateAsync($"/registry/core/configmaps/ns/c{i}", Object($"c{i}"), CancellationToken.None)).ModRevision;
        }

        await cache.WaitForRevisionAsync(last, CancellationToken.None);
        var ex = Assert.Throws<StorageException>(() => cache.Subscribe(1));
        Assert.Equal(StorageErrorKind.Expired, ex.Kind);
        using var recent = cache.Subscribe(last - 2);
        Assert.True(recent.Events.TryRead(out var first));
        Assert.Equal(last - 1, first.Revision);
    }

    [Fact]
    public async Task ListAndWatch_SeeStoreChangesInOrder()
    {
        await using var store = new MemoryObjectStore();
        await store.CreateAsync("/registry/core/configmaps/ns/a", Object("a"), CancellationToken.None);
        await using var cache = new WatchCache(store, "/registry/core/configmaps/", NullLogger.Instance);
        cache.Start();
        await cache.Ready;
        var (items, revision) = cache.Snapshot("/registry/core/configmaps/");
        Assert.Equal("a", Assert.Single(items).Summary.Name);
        using var subscription = cache.Subscribe(revision);

        var b = await store.CreateAsync("/registry/core/configmaps/ns/b", Object("b"), CancellationToken.None);
        await store.UpdateAsync("/registry/core/configmaps/ns/b", Object("b", "2"), b.ModRevision, CancellationToken.None);
        await store.DeleteAsync("/registry/core/configmaps/ns/a", null, CancellationToken.None);

        var seen = new List<(WatchEventType, string)>();
        await Eventually.UntilAsync(() =>
        {
            while (subscription.Events.TryRead(out var e))
            {
                seen.Add((e.Type, e.Object.Summary.Name));
            }

            return seen.Count == 3;
        }, Deadline, "three events");
        Assert.Equal([(WatchEventType.Added, "b"), (WatchEventType.Modified, "b"), (WatchEventType.Deleted, "a")], seen);
        Assert.Equal("b", Assert.Single(cache.List("/registry/core/configmaps/ns/", _ => true, null, 0).Items).Summary.Name);
    }

    [Fact]
    public async Task Adopt_BeforeTheEvent_TheEventCarriesTheWritersInstance()
    {
        await using var store = new MemoryObjectStore();
        await using var cache = new WatchCache(store, "/registry/core/configmaps/", NullLogger.Instance);
        cache.Start();
        await cache.Ready;
        using var subscription = cache.Subscribe(cache.Revision);

        // Stand-in for a write whose storage event the cache has not applied yet: the next revision of the store.
        var revision = await store.GetCurrentRevisionAsync(CancellationToken.None) + 1;
        var bytes = Object("a");
        var written = CachedObject.FromStored("/registry/core/configmaps/ns/a", bytes, revision, revision);
        Assert.Same(written, cache.Adopt(written));
        var stored = await store.CreateAsync("/registry/core/configmaps/ns/a", bytes, CancellationToken.None);
        Assert.Equal(revision, stored.ModRevision);

        await cache.WaitForRevisionAsync(revision, CancellationToken.None);
        Assert.Same(written, cache.Get(written.Key));
        Assert.True(subscription.Events.TryRead(out var added));
        Assert.Same(written, added.Object);
        Assert.Equal(WatchEventType.Added, added.Type);
    }

    [Fact]
    public async Task Adopt_AfterTheEvent_ReturnsTheCachedInstance()
    {
        await using var store = new MemoryObjectStore();
        await using var cache = new WatchCache(store, "/registry/core/configmaps/", NullLogger.Instance);
        cache.Start();
        await cache.Ready;
        var stored = await store.CreateAsync("/registry/core/configmaps/ns/a", Object("a"), CancellationToken.None);
        await cache.WaitForRevisionAsync(stored.ModRevision, CancellationToken.None);

        var late = CachedObject.FromStored(stored.Key, stored.Value.Span, stored.ModRevision, stored.CreateRevision);
        var answer = cache.Adopt(late);
        Assert.Same(cache.Get(stored.Key), answer);
        Assert.NotSame(late, answer);
        Assert.Equal(late.Json, answer.Json);
    }

    [Fact]
    public async Task Adopt_OfALaterRevision_WaitsForThatRevisionsEvent()
    {
        await using var store = new MemoryObjectStore();
        await using var cache = new WatchCache(store, "/registry/core/configmaps/", NullLogger.Instance);
        cache.Start();
        await cache.Ready;
        const string Key = "/registry/core/configmaps/ns/a";
        var next = await store.GetCurrentRevisionAsync(CancellationToken.None) + 1;
        var later = CachedObject.FromStored(Key, Object("a", "second"), next + 1, next);
        cache.Adopt(later);

        var first = await store.CreateAsync(Key, Object("a", "first"), CancellationToken.None);
        await cache.WaitForRevisionAsync(first.ModRevision, CancellationToken.None);
        Assert.NotSame(later, cache.Get(Key));
        Assert.Equal(first.ModRevision, cache.Get(Key)!.Revision);

        var second = await store.UpdateAsync(Key, Object("a", "second"), first.ModRevision, CancellationToken.None);
        Assert.Equal(later.Revision, second.ModRevision);
        await cache.WaitForRevisionAsync(second.ModRevision, CancellationToken.None);
        Assert.Same(later, cache.Get(Key));
    }

    private static byte[] Object(string name, string value = "1") =>
        Encoding.UTF8.GetBytes($$$"""{"apiVersion":"v1","kind":"ConfigMap","metadata":{"name":"{{{name}}}","namespace":"ns"},"data":{"v":"{{{value}}}"}}""");
}
