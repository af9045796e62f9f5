using System.Collections.Concurrent;
using System.Diagnostics;
using Karmada.Storage.Watching;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging;

namespace Karmada.Storage.Sqlite;

/// <summary>
/// The only writer of the database: one thread that takes everything queued (up to a bound) into one transaction,
/// decides each operation's precondition inside it, assigns consecutive revisions, commits once (one fsync for the
/// whole batch), then publishes the events and completes the callers. Failed preconditions fail only their own
/// operation and consume no revision.
/// </summary>
internal sealed class SqliteWriter : IDisposable
{
    internal const int MaxBatchOperations = 256;
    internal const int MaxBatchBytes = 8 * 1024 * 1024;
    internal const int CompactionChunkRows = 2_000;

    private readonly SqliteConnection _connection;
    private readonly WatchHub _hub;
    private readonly SqliteCheckpointer? _checkpointer;
    private readonly ILogger _logger;
    private readonly BlockingCollection<SqliteWriteRequest> _queue = new(new ConcurrentQueue<SqliteWriteRequest>());
    private readonly TaskCompletionSource _exited = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly Thread _thread;
    private readonly SqliteCommand _select;
    private readonly SqliteCommand _insert;
    private readonly SqliteCommand _update;
    private readonly SqliteCommand _delete;
    private readonly SqliteCommand _appendLog;
    private readonly SqliteCommand _setMeta;
    private readonly SqliteCommand _deleteLog;
    private readonly SqliteCommand _firstLogRevision;
    private readonly SqliteCommand _checkpoint;
    private readonly List<SqliteMutation> _batch = new(MaxBatchOperations);
    private readonly List<StoreEvent> _events = new(MaxBatchOperations);
    private long _revision;
    private long _compactedRevision;
    private long _commits;

    public SqliteWriter(SqliteConnection connection, long revision, long compactedRevision, WatchHub hub, SqliteCheckpointer? checkpointer, ILogger logger)
    {
        _connection = connection;
        _revision = revision;
        _compactedRevision = compactedRevision;
        _hub = hub;
        _checkpointer = checkpointer;
        _logger = logger;
        _select = SqliteSchema.Prepare(connection, "SELECT value, create_revision, mod_revision FROM kv WHERE key = $key", ("$key", SqliteType.Text));
        _insert = SqliteSchema.Prepare(
            connection,
            "INSERT INTO kv(key, value, create_revision, mod_revision) VALUES ($key, $value, $revision, $revision) ON CONFLICT(key) DO NOTHING",
            ("$key", SqliteType.Text),
            ("$value", SqliteType.Blob),
            ("$revision", SqliteType.Integer));
        _update = SqliteSchema.Prepare(
            connection,
            "UPDATE kv SET value = $value, mod_revision = $revision WHERE key = $key",
            ("$key", SqliteType.Text),
            ("$value", SqliteType.Blob),
            ("$revision", SqliteType.Integer));
        _delete = SqliteSchema.Prepare(connection, "DELETE FROM kv WHERE key = $key", ("$key", SqliteType.Text));
        _appendLog = SqliteSchema.Prepare(
            connection,
            "INSERT INTO log(revision, key, type, value, create_revision, prev_revision) VALUES ($revision, $key, $type, $value, $create, $prev)",
            ("$revision", SqliteType.Integer),
            ("$key", SqliteType.Text),
            ("$type", SqliteType.Integer),
            ("$value", SqliteType.Blob),
            ("$create", SqliteType.Integer),
            ("$prev", SqliteType.Integer));
        _setMeta = SqliteSchema.Prepare(connection, "UPDATE meta SET value = $value WHERE name = $name", ("$name", SqliteType.Text), ("$value", SqliteType.Integer));
        _deleteLog = SqliteSchema.Prepare(connection, "DELETE FROM log WHERE revision <= $upto", ("$upto", SqliteType.Integer));
        _firstLogRevision = SqliteSchema.Prepare(connection, "SELECT min(revision) FROM log");
        _checkpoint = SqliteSchema.Prepare(connection, "PRAGMA wal_checkpoint(PASSIVE)");
        _thread = new Thread(Run)
        {
            Name = "karmada-sqlite-writer",

            // A store that is never disposed must not keep the process alive.
            IsBackground = true,
        };
    }

    /// <summary>Transactions committed so far (for diagnostics and batching measurements).</summary>
    public long Commits => Interlocked.Read(ref _commits);

    public void Start() => _thread.Start();

    public async Task<StoredObject> SubmitAsync(SqliteMutationKind kind, string key, byte[] value, long? expectedRevision, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var completion = new TaskCompletionSource<StoredObject>(TaskCreationOptions.RunContinuationsAsynchronously);
        var mutation = new SqliteMutation(kind, key, value, expectedRevision, completion);
        Enqueue(mutation);
        if (!cancellationToken.CanBeCanceled)
        {
            return await completion.Task;
        }

        await using var registration = cancellationToken.Register(
            static (state, token) =>
            {
                var m = (SqliteMutation)state!;
                if (m.TryCancel())
                {
                    m.Completion.TrySetCanceled(token);
                }
            },
            mutation);
        return await completion.Task;
    }

    public async Task CompactAsync(long revision, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var completion = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        Enqueue(new SqliteCompaction(revision, completion));
        await completion.Task;
    }

    /// <summary>Refuses new work, lets the queued work finish, and waits for the thread to exit.</summary>
    public Task StopAsync()
    {
        _queue.CompleteAdding();
#pragma warning disable VSTHRD003 // Completed by the writer thread with RunContinuationsAsynchronously; no JoinableTaskContext exists here.
        return _thread.IsAlive ? _exited.Task : Task.CompletedTask;
#pragma warning restore VSTHRD003
    }

    public void Dispose()
    {
        _select.Dispose();
        _insert.Dispose();
        _update.Dispose();
        _delete.Dispose();
        _appendLog.Dispose();
        _setMeta.Dispose();
        _deleteLog.Dispose();
        _firstLogRevision.Dispose();
        _checkpoint.Dispose();
        _queue.Dispose();
    }

    private void Enqueue(SqliteWriteRequest request)
    {
        try
        {
            _queue.Add(request);
        }
        catch (InvalidOperationException ex)
        {
            throw new ObjectDisposedException("The SQLite store is closed.", ex);
        }
    }

    private void Run()
    {
        try
        {
            while (_queue.TryTake(out var request, Timeout.Infinite))
            {
                SqliteCompaction? compaction = request as SqliteCompaction;
                if (compaction is null)
                {
                    Collect((SqliteMutation)request, out compaction);
                    CommitBatch();
                    if (_checkpointer?.TakeCatchUp() == true)
                    {
                        CatchUpCheckpoint();
                    }
                }

                if (compaction is not null)
                {
                    Compact(compaction);
                }
            }
        }
        finally
        {
            _exited.TrySetResult();
        }
    }

    /// <summary>Takes what is already queued, without waiting for more: batching comes from load, not delay.</summary>
    private void Collect(SqliteMutation first, out SqliteCompaction? compaction)
    {
        compaction = null;
        _batch.Add(first);
        var bytes = first.Value.Length;
        while (_batch.Count < MaxBatchOperations && bytes < MaxBatchBytes && _queue.TryTake(out var next))
        {
            if (next is SqliteCompaction c)
            {
                compaction = c;
                return;
            }

            var mutation = (SqliteMutation)next;
            _batch.Add(mutation);
            bytes += mutation.Value.Length;
        }
    }

    private void CommitBatch()
    {
        _batch.RemoveAll(static m => !m.TryStart());
        if (_batch.Count == 0)
        {
            return;
        }

        var revision = _revision;
        var started = Stopwatch.GetTimestamp();
        long bytes = 0;
        try
        {
            using var transaction = _connection.BeginTransaction(deferred: false);
            foreach (var mutation in _batch)
            {
                Apply(mutation, transaction, ref revision);
                bytes += mutation.Value.Length;
            }

            if (revision != _revision)
            {
                SetMeta(transaction, "revision", revision);
            }

            transaction.Commit();
        }
        catch (Exception ex)
        {
            StorageLog.SqliteBatchFailed(_logger, _batch.Count, ex);
            foreach (var mutation in _batch)
            {
                mutation.Fail(new StorageException(StorageErrorKind.Unavailable, mutation.Key, $"writing {mutation.Key} to SQLite failed: {ex.Message}", ex));
            }

            _batch.Clear();
            return;
        }

        Interlocked.Increment(ref _commits);
        StorageMetrics.SqliteCommitDuration.Record(Stopwatch.GetElapsedTime(started).TotalSeconds);
        StorageMetrics.SqliteBatchSize.Record(_batch.Count);
        _checkpointer?.Committed(bytes);
        _revision = revision;
        foreach (var mutation in _batch)
        {
            if (mutation.Event is { } e)
            {
                _events.Add(e);
            }
        }

        _hub.Publish(_events);
        foreach (var mutation in _batch)
        {
            mutation.Complete();
        }

        _events.Clear();
        _batch.Clear();
    }

    // Copies what the background checkpoint left (a few writes' frames), so the next batch starts the WAL over.
    private void CatchUpCheckpoint()
    {
        var started = Stopwatch.GetTimestamp();
        try
        {
            _checkpoint.ExecuteNonQuery();
            StorageMetrics.SqliteCatchUpCheckpointDuration.Record(Stopwatch.GetElapsedTime(started).TotalSeconds);
        }
        catch (SqliteException ex)
        {
            StorageLog.SqliteCheckpointFailed(_logger, ex);
        }
    }

    private void Apply(SqliteMutation mutation, SqliteTransaction transaction, ref long revision)
    {
        var key = mutation.Key;
        if (mutation.Kind == SqliteMutationKind.Create)
        {
            if (Execute(_insert, transaction, key, mutation.Value, revision + 1) == 0)
            {
                mutation.Error = StorageKeys.AlreadyExists(key);
                return;
            }

            revision++;
            AppendLog(transaction, revision, key, StoreEventType.Created, mutation.Value, revision, null);
            mutation.Result = new StoredObject(key, mutation.Value, revision, revision);
            mutation.Event = new StoreEvent(StoreEventType.Created, key, mutation.Value, revision, revision, null);
            return;
        }

        if (Select(transaction, key) is not { } current)
        {
            mutation.Error = StorageKeys.NotFound(key);
            return;
        }

        if (mutation.ExpectedRevision is { } expected && expected != current.ModRevision)
        {
            mutation.Error = StorageKeys.Conflict(key, expected, current.ModRevision);
            return;
        }

        revision++;
        if (mutation.Kind == SqliteMutationKind.Update)
        {
            Execute(_update, transaction, key, mutation.Value, revision);
            AppendLog(transaction, revision, key, StoreEventType.Updated, mutation.Value, current.CreateRevision, current.ModRevision);
            mutation.Result = new StoredObject(key, mutation.Value, current.CreateRevision, revision);
            mutation.Event = new StoreEvent(StoreEventType.Updated, key, mutation.Value, revision, current.CreateRevision, current.Value);
            return;
        }

        _delete.Transaction = transaction;
        _delete.Parameters[0].Value = key;
        _delete.ExecuteNonQuery();
        AppendLog(transaction, revision, key, StoreEventType.Deleted, current.Value, current.CreateRevision, current.ModRevision);
        mutation.Result = new StoredObject(key, current.Value, current.CreateRevision, revision);
        mutation.Event = new StoreEvent(StoreEventType.Deleted, key, current.Value, revision, current.CreateRevision, current.Value);
    }

    private static int Execute(SqliteCommand command, SqliteTransaction transaction, string key, byte[] value, long revision)
    {
        command.Transaction = transaction;
        command.Parameters[0].Value = key;
        command.Parameters[1].Value = value;
        command.Parameters[2].Value = revision;
        return command.ExecuteNonQuery();
    }

    private (byte[] Value, long CreateRevision, long ModRevision)? Select(SqliteTransaction transaction, string key)
    {
        _select.Transaction = transaction;
        _select.Parameters[0].Value = key;
        using var reader = _select.ExecuteReader();
        if (!reader.Read())
        {
            return null;
        }

        return (reader.GetFieldValue<byte[]>(0), reader.GetInt64(1), reader.GetInt64(2));
    }

    private void AppendLog(SqliteTransaction transaction, long revision, string key, StoreEventType type, byte[] value, long createRevision, long? previousRevision)
    {
        _appendLog.Transaction = transaction;
        _appendLog.Parameters[0].Value = revision;
        _appendLog.Parameters[1].Value = key;
        _appendLog.Parameters[2].Value = SqliteSchema.ToLogType(type);
        _appendLog.Parameters[3].Value = value;
        _appendLog.Parameters[4].Value = createRevision;
        _appendLog.Parameters[5].Value = previousRevision is { } p ? p : DBNull.Value;
        _appendLog.ExecuteNonQuery();
    }

    private void SetMeta(SqliteTransaction transaction, string name, long value)
    {
        _setMeta.Transaction = transaction;
        _setMeta.Parameters[0].Value = name;
        _setMeta.Parameters[1].Value = value;
        _setMeta.ExecuteNonQuery();
    }

    private bool TryRequeue(SqliteCompaction compaction)
    {
        try
        {
            return _queue.TryAdd(compaction);
        }
        catch (InvalidOperationException)
        {
            // Closing: the floor is already durable, so the next compaction removes the remaining rows.
            return false;
        }
    }

    private void Compact(SqliteCompaction compaction)
    {
        try
        {
            if (!compaction.FloorPersisted)
            {
                if (compaction.Revision <= _compactedRevision)
                {
                    compaction.Completion.TrySetResult();
                    return;
                }

                // The floor is durable before any row goes, so a watch can never read a log with silent gaps.
                using (var transaction = _connection.BeginTransaction(deferred: false))
                {
                    SetMeta(transaction, "compacted", compaction.Revision);
                    transaction.Commit();
                }

                _compactedRevision = compaction.Revision;
                _hub.Compact(compaction.Revision);
                compaction.FloorPersisted = true;
            }

            long upTo;
            using (var transaction = _connection.BeginTransaction(deferred: false))
            {
                _firstLogRevision.Transaction = transaction;
                var first = _firstLogRevision.ExecuteScalar() is long min ? min : compaction.Revision;
                upTo = Math.Min(compaction.Revision, first + CompactionChunkRows - 1);
                _deleteLog.Transaction = transaction;
                _deleteLog.Parameters[0].Value = upTo;
                compaction.RowsDeleted += _deleteLog.ExecuteNonQuery();
                transaction.Commit();
            }

            if (upTo < compaction.Revision && TryRequeue(compaction))
            {
                return;
            }

            StorageLog.SqliteCompacted(_logger, compaction.Revision, compaction.RowsDeleted);
            compaction.Completion.TrySetResult();
        }
        catch (Exception ex)
        {
            StorageLog.SqliteCompactionFailed(_logger, compaction.Revision, ex);
            compaction.Fail(new StorageException(StorageErrorKind.Unavailable, "", $"compacting SQLite at revision {compaction.Revision} failed: {ex.Message}", ex));
        }
    }
}
