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

    private static byte[] Object(string name, string value = "1") =>
        Encoding.UTF8.GetBytes($$$"""{"apiVersion":"v1","kind":"ConfigMap","metadata":{"name":"{{{name}}}","namespace":"ns"},"data":{"v":"{{{value}}}"}}""");
}
