using Karmada.Storage.Sqlite;
using Karmada.Testing;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging.Abstractions;

namespace Karmada.Storage.Tests.Sqlite;

public sealed class SqliteObjectStoreTests : ObjectStoreConformanceTests
{
    private readonly TempDirectory _directory = new("karmada-sqlite");
    private int _stores;

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _directory.Dispose();
        }

        base.Dispose(disposing);
    }

    [Fact]
    public async Task Open_ExistingDirectory_KeepsDataAndContinuesRevisions()
    {
        var dir = NewDirectory();
        StoredObject updated;
        await using (var store = SqliteObjectStore.Open(dir, NullLogger.Instance))
        {
            var created = await store.CreateAsync("/r/a", Bytes("v1"), Ct);
            updated = await store.UpdateAsync("/r/a", Bytes("v2"), created.ModRevision, Ct);
            await store.CreateAsync("/r/b", Bytes("b"), Ct);
            await store.DeleteAsync("/r/b", null, Ct);
        }

        await using var reopened = SqliteObjectStore.Open(dir, NullLogger.Instance);
        var read = await reopened.GetAsync("/r/a", Ct);
        var revisionAfterRestart = await reopened.GetCurrentRevisionAsync(Ct);
        var next = await reopened.CreateAsync("/r/c", Bytes("c"), Ct);

        Assert.Equal(Bytes("v2"), read!.Value.ToArray());
        Assert.Equal(updated.ModRevision, read.ModRevision);
        Assert.Null(await reopened.GetAsync("/r/b", Ct));
        Assert.Equal(4, revisionAfterRestart);
        Assert.Equal(5, next.ModRevision);
        Assert.Equal(["/r/a", "/r/c"], (await reopened.ListAsync("/r/", ListRequest.All, Ct)).Items.Select(i => i.Key));
    }

    [Fact]
    public async Task Watch_AfterRestartFromEarlierRevision_ReplaysFromLog()
    {
        var dir = NewDirectory();
        StoredObject a1, a2, b1, deleted;
        await using (var store = SqliteObjectStore.Open(dir, NullLogger.Instance))
        {
            a1 = await store.CreateAsync("/w/a", Bytes("a1"), Ct);
            a2 = await store.UpdateAsync("/w/a", Bytes("a2"), a1.ModRevision, Ct);
            b1 = await store.CreateAsync("/w/b", Bytes("b1"), Ct);
            await store.CreateAsync("/x/outside", Bytes("x"), Ct);
            deleted = await store.DeleteAsync("/w/a", a2.ModRevision, Ct);
        }

        await using var reopened = SqliteObjectStore.Open(dir, NullLogger.Instance);
        await reopened.CreateAsync("/w/zz-sentinel", Bytes("end"), Ct);
        var events = await CollectUntilAsync(reopened, "/w/", 0, "/w/zz-sentinel");

        Assert.Equal([a1.ModRevision, a2.ModRevision, b1.ModRevision, deleted.ModRevision], events.Select(e => e.Revision));
        Assert.Equal([StoreEventType.Created, StoreEventType.Updated, StoreEventType.Created, StoreEventType.Deleted], events.Select(e => e.Type));
        Assert.Null(events[0].PreviousValue);
        Assert.Equal(Bytes("a1"), events[1].PreviousValue!.Value.ToArray());
        Assert.Equal(Bytes("a2"), events[3].Value.ToArray());
        Assert.Equal(Bytes("a2"), events[3].PreviousValue!.Value.ToArray());
        Assert.Equal(a1.CreateRevision, events[3].CreateRevision);
    }

    [Fact]
    public async Task Watch_HistoryLongerThanMemory_ReplaysLogPagesThenMemoryInOrder()
    {
        await using var store = SqliteObjectStore.Open(NewDirectory(), historyCapacity: 16, watchBufferCapacity: 100, NullLogger.Instance);
        var created = await Task.Run(() => Task.WhenAll(Enumerable.Range(0, 2400).Select(i =>
            store.CreateAsync(i % 2 == 0 ? $"/p/{i:D4}" : $"/q/{i:D4}", Bytes($"{i}"), Ct).AsTask())));
        var expected = created.Where(o => o.Key.StartsWith("/p/", StringComparison.Ordinal)).Select(o => o.ModRevision).Order().ToList();

        var events = await CollectAsync(store, "/p/", 0, expected.Count);

        Assert.Equal(expected, events.Select(e => e.Revision));
        Assert.All(events, e => Assert.StartsWith("/p/", e.Key, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Watch_ReplayingLogWhileWritesContinue_SeesEveryEventOnceInOrder()
    {
        await using var store = SqliteObjectStore.Open(NewDirectory(), historyCapacity: 8, watchBufferCapacity: 10_000, NullLogger.Instance);
        await Task.Run(() => Task.WhenAll(Enumerable.Range(0, 600).Select(i => store.CreateAsync($"/s/old-{i:D4}", Bytes("old"), Ct).AsTask())));

        var watching = Task.Run(() => CollectAsync(store, "/s/", 0, 1200));
        await Task.Run(() => Task.WhenAll(Enumerable.Range(0, 600).Select(i => store.CreateAsync($"/s/new-{i:D4}", Bytes("new"), Ct).AsTask())));
        var events = await watching;

        Assert.Equal(Enumerable.Range(1, 1200).Select(i => (long)i), events.Select(e => e.Revision));
    }

    [Fact]
    public async Task Compact_ThenRestart_KeepsCompactedRevisionAndDropsLogRows()
    {
        var dir = NewDirectory();
        long compactAt;
        await using (var store = SqliteObjectStore.Open(dir, NullLogger.Instance))
        {
            for (var i = 0; i < 10; i++)
            {
                await store.CreateAsync($"/c/{i}", Bytes($"{i}"), Ct);
            }

            compactAt = 6;
            await store.CompactAsync(compactAt, Ct);
        }

        await using var reopened = SqliteObjectStore.Open(dir, NullLogger.Instance);
        var ex = await Assert.ThrowsAsync<StorageException>(() => CollectAsync(reopened, "/c/", compactAt - 1, 1));
        var remaining = await CollectAsync(reopened, "/c/", compactAt, 4);

        Assert.Equal(StorageErrorKind.Expired, ex.Kind);
        Assert.Equal(compactAt, ex.CompactedRevision);
        Assert.Equal([7L, 8, 9, 10], remaining.Select(e => e.Revision));
        Assert.Equal(4L, await CountLogRowsAsync(reopened.DatabasePath));
        Assert.Equal(10, (await reopened.ListAsync("/c/", ListRequest.All, Ct)).Items.Count);
    }

    [Fact]
    public async Task Compact_ManyChunks_RemovesEveryRowAtOrBelowRevision()
    {
        await using var store = SqliteObjectStore.Open(NewDirectory(), NullLogger.Instance);
        // Off xunit's synchronization context, which would run every completion through its two worker threads.
        await Task.Run(() => Task.WhenAll(Enumerable.Range(0, SqliteWriter.CompactionChunkRows * 2 + 10)
            .Select(i => store.CreateAsync($"/many/{i:D6}", Bytes("v"), Ct).AsTask())));
        var current = await store.GetCurrentRevisionAsync(Ct);

        await store.CompactAsync(current - 5, Ct);

        Assert.Equal(5L, await CountLogRowsAsync(store.DatabasePath));
        var ex = await Assert.ThrowsAsync<StorageException>(() => CollectAsync(store, "/many/", current - 6, 1));
        Assert.Equal(StorageErrorKind.Expired, ex.Kind);
    }

    [Fact]
    public async Task Open_DirectoryAlreadyOpen_ThrowsUnavailable()
    {
        var dir = NewDirectory();
        await using var first = SqliteObjectStore.Open(dir, NullLogger.Instance);

        var ex = Assert.Throws<StorageException>(() => SqliteObjectStore.Open(dir, NullLogger.Instance));

        Assert.Equal(StorageErrorKind.Unavailable, ex.Kind);
        Assert.Contains("in use", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Open_NewDirectory_CreatesWalDatabaseFile()
    {
        var dir = Path.Combine(NewDirectory(), "nested", "data");
        await using var store = SqliteObjectStore.Open(dir, NullLogger.Instance);
        await store.CreateAsync("/a", Bytes("a"), Ct);

        await using var connection = new SqliteConnection($"Data Source={Path.Combine(dir, SqliteObjectStore.DatabaseFileName)};Mode=ReadOnly;Pooling=False");
        await connection.OpenAsync(Ct);
        await using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA journal_mode";

        Assert.Equal("wal", await command.ExecuteScalarAsync(Ct) as string);
    }

    [Fact]
    public async Task ConcurrentCreates_SomeKeysExist_OnlyThoseFailAndRevisionsHaveNoGaps()
    {
        await using var store = SqliteObjectStore.Open(NewDirectory(), NullLogger.Instance);
        for (var i = 0; i < 100; i += 2)
        {
            await store.CreateAsync($"/g/{i:D3}", Bytes("existing"), Ct);
        }

        var before = await store.GetCurrentRevisionAsync(Ct);
        var attempts = Enumerable.Range(0, 100).Select(async i =>
        {
            try
            {
                return (Result: await store.CreateAsync($"/g/{i:D3}", Bytes($"new {i}"), Ct), Error: (StorageException?)null);
            }
            catch (StorageException ex)
            {
                return (Result: (StoredObject?)null, Error: ex);
            }
        }).ToList();
        var outcomes = await Task.WhenAll(attempts);

        Assert.All(outcomes.Where((_, i) => i % 2 == 0), o => Assert.Equal(StorageErrorKind.AlreadyExists, o.Error?.Kind));
        var succeeded = outcomes.Where((_, i) => i % 2 == 1).Select(o => o.Result!.ModRevision).Order().ToList();
        Assert.Equal(Enumerable.Range(1, 50).Select(i => before + i), succeeded);
        Assert.Equal(before + 50, await store.GetCurrentRevisionAsync(Ct));
    }

    [Fact]
    public async Task Writes_PastCheckpointThreshold_CheckpointInBackgroundAndKeepWalBounded()
    {
        // ~24 MB of values is ~100 MB of WAL frames (row and log entry, overflow pages); the backstop checkpoint would
        // only start at 128 MB and inside a commit. The background checkpointer keeps restarting the WAL well below that.
        const int Writes = 6_000;
        var dir = NewDirectory();
        var value = new byte[4_000];
        Random.Shared.NextBytes(value);
        long checkpoints;
        await using (var store = SqliteObjectStore.Open(dir, NullLogger.Instance))
        {
            await Parallel.ForEachAsync(
                Enumerable.Range(0, Writes),
                new ParallelOptions { MaxDegreeOfParallelism = 8, CancellationToken = Ct },
                async (i, ct) => await store.CreateAsync($"/w/{i:D5}", value, ct));
            await Eventually.UntilAsync(() => Task.FromResult(store.CheckpointCount > 0), TimeSpan.FromSeconds(30), "background checkpoints ran", Ct);
            checkpoints = store.CheckpointCount;
            var wal = new FileInfo(Path.Combine(dir, SqliteObjectStore.DatabaseFileName + "-wal"));
            Assert.True(wal.Length < 64L * 1024 * 1024, $"WAL grew to {wal.Length} bytes after {checkpoints} background checkpoints");
        }

        await using var reopened = SqliteObjectStore.Open(dir, NullLogger.Instance);
        var listed = await reopened.ListAsync("/w/", ListRequest.All, Ct);
        Assert.Equal(Writes, listed.Items.Count);
        Assert.All(listed.Items, i => Assert.Equal(value, i.Value.ToArray()));
    }

    [Fact]
    public async Task Write_AfterDispose_ThrowsObjectDisposed()
    {
        var store = SqliteObjectStore.Open(NewDirectory(), NullLogger.Instance);
        await store.DisposeAsync();

        await Assert.ThrowsAsync<ObjectDisposedException>(async () => await store.CreateAsync("/a", Bytes("a"), Ct));
        await Assert.ThrowsAsync<ObjectDisposedException>(async () => await store.GetAsync("/a", Ct));
    }

    protected override Task<IObjectStore> CreateStoreAsync() =>
        Task.FromResult<IObjectStore>(SqliteObjectStore.Open(NewDirectory(), NullLogger.Instance));

    private async Task<long> CountLogRowsAsync(string databasePath)
    {
        await using var connection = new SqliteConnection($"Data Source={databasePath};Mode=ReadOnly;Pooling=False");
        await connection.OpenAsync(Ct);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT count(*) FROM log";
        return (long)(await command.ExecuteScalarAsync(Ct))!;
    }

    private string NewDirectory() => Path.Combine(_directory.Path, $"store-{Interlocked.Increment(ref _stores)}");
}
