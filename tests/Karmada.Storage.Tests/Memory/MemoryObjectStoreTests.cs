using Karmada.Storage.Memory;
using Microsoft.Extensions.Logging.Abstractions;

namespace Karmada.Storage.Tests.Memory;

public sealed class MemoryObjectStoreTests : ObjectStoreConformanceTests
{
    [Fact]
    public async Task Watch_OlderThanRetainedHistory_ThrowsExpired()
    {
        await using var store = new MemoryObjectStore(historyCapacity: 5, watchBufferCapacity: 100, NullLogger.Instance);
        for (var i = 1; i <= 10; i++)
        {
            await store.CreateAsync($"/h/{i:D2}", Bytes($"{i}"), Ct);
        }

        var ex = await Assert.ThrowsAsync<StorageException>(() => CollectAsync(store, "/h/", 0, 1));
        var retained = await CollectAsync(store, "/h/", 5, 5);

        Assert.Equal(StorageErrorKind.Expired, ex.Kind);
        Assert.Equal(5, ex.CompactedRevision);
        Assert.Equal([6L, 7, 8, 9, 10], retained.Select(e => e.Revision));
    }

    [Fact]
    public async Task Watch_ReaderFallsBehindBuffer_EndsWithExpiredAfterBufferedEvents()
    {
        await using var store = new MemoryObjectStore(historyCapacity: 100, watchBufferCapacity: 4, NullLogger.Instance);
        await using var watch = store.WatchAsync("/slow/", 0, Ct).GetAsyncEnumerator(Ct);
        var first = watch.MoveNextAsync().AsTask();
        await store.CreateAsync("/slow/0", Bytes("0"), Ct);
        Assert.True(await first);

        for (var i = 1; i <= 10; i++)
        {
            await store.CreateAsync($"/slow/{i}", Bytes($"{i}"), Ct);
        }

        var delivered = new List<long> { watch.Current.Revision };
        var ex = await Assert.ThrowsAsync<StorageException>(async () =>
        {
            while (await watch.MoveNextAsync())
            {
                delivered.Add(watch.Current.Revision);
            }
        });
        Assert.Equal(StorageErrorKind.Expired, ex.Kind);
        Assert.Equal([1L, 2, 3, 4, 5], delivered);
    }

    [Fact]
    public async Task Dispose_ActiveWatch_EndsWithObjectDisposed()
    {
        var store = new MemoryObjectStore();
        await store.CreateAsync("/d/close", Bytes("x"), Ct);

        await Assert.ThrowsAsync<ObjectDisposedException>(async () =>
        {
            await foreach (var e in store.WatchAsync("/d/", 0, Ct))
            {
                await store.DisposeAsync();
            }
        });
        await Assert.ThrowsAsync<ObjectDisposedException>(async () => await store.GetAsync("/d/close", Ct));
    }

    protected override Task<IObjectStore> CreateStoreAsync() => Task.FromResult<IObjectStore>(new MemoryObjectStore());
}
