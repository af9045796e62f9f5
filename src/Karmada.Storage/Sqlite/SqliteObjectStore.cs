using System.Runtime.CompilerServices;
using Karmada.Storage.Watching;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging;

namespace Karmada.Storage.Sqlite;

/// <summary>
/// The embedded default backend: one SQLite file (<c>karmada.db</c>) in WAL mode with synchronous=FULL, so a
/// write is acknowledged only after it is on disk. Writers are group-committed by a single writer thread; reads
/// use a small pool of read connections; watches get live events from memory and older history from the
/// revision log, which survives restarts.
/// </summary>
public sealed class SqliteObjectStore : IObjectStore
{
    public const string DatabaseFileName = "karmada.db";

    /// <summary>
    /// Recent events kept in memory; watches starting earlier read the revision log. Small on purpose: each event
    /// holds a whole object, the API server's watch caches keep their own history for clients, and this one only
    /// serves a cache's (re)start from a just-listed revision (8,192 here cost ~25 MB per 10k objects of 3 KB).
    /// </summary>
    public const int DefaultHistoryCapacity = 1_024;

    /// <summary>Events a watcher may have unread before its watch ends with Expired.</summary>
    public const int DefaultWatchBufferCapacity = 10_000;

    /// <summary>
    /// AppContext switch (runtimeconfig <c>configProperties</c>) that turns the background checkpointer off and lets
    /// SQLite checkpoint inside commits, as before it existed; for comparing the two on one binary.
    /// </summary>
    public const string InlineCheckpointSwitch = "Karmada.Storage.Sqlite.InlineCheckpoint";

    private const string LockFileName = "karmada.db.lock";
    private const int LogPageSize = 512;

    private readonly string _path;
    private readonly FileStream _lockFile;
    private readonly SqliteConnection _writeConnection;
    private readonly SqliteWriter _writer;
    private readonly SqliteCheckpointer? _checkpointer;
    private readonly SqliteReaderPool _readers;
    private readonly WatchHub _hub;
    private readonly ILogger _logger;
    private int _disposed;

    private SqliteObjectStore(string path, FileStream lockFile, SqliteConnection writeConnection, long revision, long compactedRevision, int historyCapacity, int watchBufferCapacity, ILogger logger)
    {
        _path = path;
        _lockFile = lockFile;
        _writeConnection = writeConnection;
        _logger = logger;
        _hub = new WatchHub(revision, compactedRevision, historyCapacity, watchBufferCapacity, logger);
        _checkpointer = InlineCheckpoints ? null : new SqliteCheckpointer(SqliteSchema.ConnectionString(path), logger);
        _writer = new SqliteWriter(writeConnection, revision, compactedRevision, _hub, _checkpointer, logger);
        _readers = new SqliteReaderPool(SqliteSchema.ConnectionString(path), Math.Max(4, Environment.ProcessorCount * 2));
        _checkpointer?.Start();
        _writer.Start();
    }

    public string Backend => "sqlite";

    /// <summary>Path of the database file.</summary>
    public string DatabasePath => _path;

    /// <summary>Write transactions committed since opening; fewer than writes means group commit is batching.</summary>
    public long CommitCount => _writer.Commits;

    /// <summary>Background WAL checkpoint passes run since opening.</summary>
    public long CheckpointCount => _checkpointer?.Checkpoints ?? 0;

    private static bool InlineCheckpoints => AppContext.TryGetSwitch(InlineCheckpointSwitch, out var inline) && inline;

    /// <summary>Opens (creating if needed) the store in <paramref name="dataDirectory"/> with default watch limits.</summary>
    public static SqliteObjectStore Open(string dataDirectory, ILogger logger) =>
        Open(dataDirectory, DefaultHistoryCapacity, DefaultWatchBufferCapacity, logger);

    /// <summary>
    /// Opens (creating if needed) the store in <paramref name="dataDirectory"/> and continues its revision sequence.
    /// Only one store may have a directory open at a time; a second one fails with
    /// <see cref="StorageErrorKind.Unavailable"/>.
    /// </summary>
    public static SqliteObjectStore Open(string dataDirectory, int historyCapacity, int watchBufferCapacity, ILogger logger)
    {
        ArgumentException.ThrowIfNullOrEmpty(dataDirectory);
        ArgumentOutOfRangeException.ThrowIfNegative(historyCapacity);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(watchBufferCapacity);
        ArgumentNullException.ThrowIfNull(logger);
        Directory.CreateDirectory(dataDirectory);
        var path = Path.GetFullPath(Path.Combine(dataDirectory, DatabaseFileName));
        var lockFile = AcquireDirectory(dataDirectory);
        SqliteConnection? connection = null;
        try
        {
            connection = new SqliteConnection(SqliteSchema.ConnectionString(path));
            connection.Open();
            var journal = SqliteSchema.Scalar(connection, "PRAGMA journal_mode = WAL") as string;
            if (!string.Equals(journal, "wal", StringComparison.OrdinalIgnoreCase))
            {
                throw new StorageException(StorageErrorKind.Unavailable, path, $"SQLite refused WAL mode for {path} (journal mode is {journal})");
            }

            // FULL: every commit syncs the WAL, so an acknowledged write survives a crash or power loss.
            SqliteSchema.Execute(connection, "PRAGMA synchronous = FULL");

            // Checkpoints run on a background connection (SqliteCheckpointer) so no commit waits for one; the writer's
            // own automatic checkpoint, inside a commit, is only a backstop should the WAL grow past ~128 MB.
            SqliteSchema.Execute(connection, InlineCheckpoints ? "PRAGMA wal_autocheckpoint = 4000" : "PRAGMA wal_autocheckpoint = 32000");
            SqliteSchema.Execute(connection, "PRAGMA journal_size_limit = 67108864");
            SqliteSchema.Execute(connection, SqliteSchema.CreateTables);
            var revision = (long)SqliteSchema.Scalar(connection, "SELECT value FROM meta WHERE name = 'revision'")!;
            var compacted = (long)SqliteSchema.Scalar(connection, "SELECT value FROM meta WHERE name = 'compacted'")!;
            var store = new SqliteObjectStore(path, lockFile, connection, revision, compacted, historyCapacity, watchBufferCapacity, logger);
            StorageLog.SqliteOpened(logger, path, revision, compacted);
            return store;
        }
        catch (Exception ex)
        {
            connection?.Dispose();
            lockFile.Dispose();
            if (ex is SqliteException or IOException)
            {
                throw new StorageException(StorageErrorKind.Unavailable, path, $"opening the SQLite store {path} failed: {ex.Message}", ex);
            }

            throw;
        }
    }

    public ValueTask<StoredObject?> GetAsync(string key, CancellationToken cancellationToken)
    {
        StorageKeys.ValidateKey(key);
        return ReadAsync(key, connection => connection.Get(key), cancellationToken);
    }

    public ValueTask<ListResult> ListAsync(string prefix, ListRequest request, CancellationToken cancellationToken)
    {
        StorageKeys.ValidateList(prefix, request);
        return ReadAsync(prefix, connection => connection.List(prefix, request), cancellationToken);
    }

    public async ValueTask<StoredObject> CreateAsync(string key, ReadOnlyMemory<byte> value, CancellationToken cancellationToken)
    {
        StorageKeys.ValidateKey(key);
        return await _writer.SubmitAsync(SqliteMutationKind.Create, key, value.ToArray(), null, cancellationToken);
    }

    public async ValueTask<StoredObject> UpdateAsync(string key, ReadOnlyMemory<byte> value, long expectedRevision, CancellationToken cancellationToken)
    {
        StorageKeys.ValidateKey(key);
        return await _writer.SubmitAsync(SqliteMutationKind.Update, key, value.ToArray(), expectedRevision, cancellationToken);
    }

    public async ValueTask<StoredObject> DeleteAsync(string key, long? expectedRevision, CancellationToken cancellationToken)
    {
        StorageKeys.ValidateKey(key);
        return await _writer.SubmitAsync(SqliteMutationKind.Delete, key, [], expectedRevision, cancellationToken);
    }

    public async IAsyncEnumerable<StoreEvent> WatchAsync(string prefix, long afterRevision, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        StorageKeys.ValidateWatch(prefix, afterRevision);
        ObjectDisposedException.ThrowIf(Volatile.Read(ref _disposed) != 0, this);
        cancellationToken.ThrowIfCancellationRequested();

        // Subscribing first pins the split point: the log supplies what happened before it, the hub everything after.
        var start = _hub.Subscribe(prefix, afterRevision, hasDurableLog: true);
        try
        {
            var cursor = afterRevision;
            while (cursor < start.LogUpToRevision)
            {
                var after = cursor;
                var (page, scannedUpTo) = await ReadAsync(prefix, connection => connection.ReadLog(prefix, after, start.LogUpToRevision, LogPageSize), cancellationToken);
                foreach (var e in page)
                {
                    yield return e;
                }

                cursor = scannedUpTo;
            }

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
        ObjectDisposedException.ThrowIf(Volatile.Read(ref _disposed) != 0, this);
        cancellationToken.ThrowIfCancellationRequested();
        return ValueTask.FromResult(_hub.Revision);
    }

    public async ValueTask CompactAsync(long revision, CancellationToken cancellationToken)
    {
        ObjectDisposedException.ThrowIf(Volatile.Read(ref _disposed) != 0, this);

        // Revisions only grow, so a revision that is not in the future now never will be.
        ArgumentOutOfRangeException.ThrowIfGreaterThan(revision, _hub.Revision);
        await _writer.CompactAsync(revision, cancellationToken);
    }

    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0)
        {
            return;
        }

        await _writer.StopAsync();
        var revision = _hub.Revision;
        _hub.Close(new ObjectDisposedException(nameof(SqliteObjectStore)));
        _readers.Dispose();
        _checkpointer?.Dispose();
        _writer.Dispose();
        _writeConnection.Dispose();
        await _lockFile.DisposeAsync();
        StorageLog.SqliteClosed(_logger, _path, revision);
    }

    private static FileStream AcquireDirectory(string dataDirectory)
    {
        var path = Path.Combine(dataDirectory, LockFileName);
        try
        {
            // FileShare.None takes an exclusive advisory lock that the OS drops when the process dies, even by kill -9.
            return new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
        }
        catch (IOException ex)
        {
            throw new StorageException(
                StorageErrorKind.Unavailable,
                path,
                $"the data directory {Path.GetFullPath(dataDirectory)} is in use by another store; only one process may open it",
                ex);
        }
    }

    private async ValueTask<T> ReadAsync<T>(string key, Func<SqliteReadConnection, T> read, CancellationToken cancellationToken)
    {
        ObjectDisposedException.ThrowIf(Volatile.Read(ref _disposed) != 0, this);
        var connection = await _readers.RentAsync(cancellationToken);
        try
        {
            return read(connection);
        }
        catch (SqliteException ex)
        {
            throw new StorageException(StorageErrorKind.Unavailable, key, $"reading {key} from SQLite failed: {ex.Message}", ex);
        }
        finally
        {
            _readers.Return(connection);
        }
    }
}
