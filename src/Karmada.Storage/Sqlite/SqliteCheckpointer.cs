using System.Diagnostics;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging;

namespace Karmada.Storage.Sqlite;

/// <summary>
/// Copies the WAL into the database file on its own thread and connection, so no write waits for a checkpoint.
/// </summary>
/// <remarks>
/// SQLite's automatic checkpoint runs inside the commit that crosses the threshold: that commit, and every writer
/// queued behind it, waits while ~16 MB are copied and the database file is fsynced, which made the store's write
/// tail (a few commits per 10,000 creates taking tens of milliseconds). A PASSIVE checkpoint on another connection
/// runs beside the writer (WAL mode allows it). SQLite starts the WAL over from its beginning only at a write
/// transaction that finds every frame copied, which a busy writer never lets a concurrent checkpoint reach; so after
/// its passes this thread asks the writer to copy the last few frames itself between two batches
/// (<see cref="TakeCatchUp"/>), a short pause once per <see cref="CheckpointEveryBytes"/> instead of a long one. The
/// writer connection keeps a far higher automatic threshold as a backstop in case this thread falls behind.
/// Durability is unchanged: commits still sync the WAL before they are acknowledged.
/// </remarks>
internal sealed class SqliteCheckpointer : IDisposable
{
    /// <summary>Committed value bytes (each written twice: the row and its log entry) between two checkpoints.</summary>
    internal const long CheckpointEveryBytes = 8L * 1024 * 1024;

    /// <summary>
    /// Passes per wake-up: frames appended while a pass copies are taken by the next one, so each pass is shorter
    /// and what is left for the writer's catch-up is about one fsync's worth of writes.
    /// </summary>
    private const int MaxPasses = 6;

    private readonly SqliteConnection _connection;
    private readonly SqliteCommand _checkpoint;
    private readonly ILogger _logger;
    private readonly Thread _thread;
    private readonly AutoResetEvent _wake = new(false);
    private long _pendingBytes;
    private long _checkpoints;
    private int _catchUpWanted;
    private volatile bool _stopping;

    public SqliteCheckpointer(string connectionString, ILogger logger)
    {
        _logger = logger;
        _connection = new SqliteConnection(connectionString);
        try
        {
            _connection.Open();

            // A checkpoint syncs the WAL before copying and the database file after; FULL keeps both syncs.
            SqliteSchema.Execute(_connection, "PRAGMA synchronous = FULL");
            SqliteSchema.Execute(_connection, "PRAGMA wal_autocheckpoint = 0");

            // A connection that has not read the file yet does not know it is in WAL mode, and its checkpoints do nothing.
            SqliteSchema.Execute(_connection, "PRAGMA journal_mode = WAL");
            _checkpoint = SqliteSchema.Prepare(_connection, "PRAGMA wal_checkpoint(PASSIVE)");
        }
        catch
        {
            _connection.Dispose();
            throw;
        }

        _thread = new Thread(Run)
        {
            Name = "karmada-sqlite-checkpointer",
            IsBackground = true,
        };
    }

    /// <summary>Checkpoint passes run so far (for diagnostics and tests).</summary>
    public long Checkpoints => Interlocked.Read(ref _checkpoints);

    public void Start() => _thread.Start();

    /// <summary>Called by the writer after each commit; wakes the checkpointer once enough has been written.</summary>
    public void Committed(long valueBytes)
    {
        // Only the writer thread calls this, so the running total needs no synchronisation.
        _pendingBytes += valueBytes;
        if (_pendingBytes >= CheckpointEveryBytes)
        {
            _pendingBytes = 0;
            _wake.Set();
        }
    }

    /// <summary>
    /// True once per round of background passes: the writer should then checkpoint the remainder on its own
    /// connection before its next batch, so that batch starts the WAL over.
    /// </summary>
    public bool TakeCatchUp() => Interlocked.Exchange(ref _catchUpWanted, 0) != 0;

    public void Stop()
    {
        _stopping = true;
        _wake.Set();
        if (_thread.IsAlive)
        {
            _thread.Join();
        }
    }

    public void Dispose()
    {
        Stop();
        _checkpoint.Dispose();
        _connection.Dispose();
        _wake.Dispose();
    }

    private void Run()
    {
        while (true)
        {
            _wake.WaitOne();
            if (_stopping)
            {
                return;
            }

            // Passes until one finds nothing appended since the previous one. Even then the writer must finish: a
            // transaction it began while a pass ran took its snapshot before the copy completed, so its commit adds
            // frames no pass has seen and the WAL would not restart. The writer's own pass, between two batches,
            // copies whatever is left (often nothing) with no transaction open.
            long previous = -1;
            for (var pass = 0; pass < MaxPasses && !_stopping; pass++)
            {
                var frames = CheckpointOnce();
                if (frames < 0 || frames == previous)
                {
                    break;
                }

                previous = frames;
            }

            Volatile.Write(ref _catchUpWanted, 1);
        }
    }

    // Returns the frames in the WAL when the pass started (all of them copied unless a reader held some back), or -1
    // when there is nothing more to do (the pass failed, or the connection sees no WAL).
    private long CheckpointOnce()
    {
        var started = Stopwatch.GetTimestamp();
        try
        {
            using var reader = _checkpoint.ExecuteReader();
            Interlocked.Increment(ref _checkpoints);
            StorageMetrics.SqliteCheckpointDuration.Record(Stopwatch.GetElapsedTime(started).TotalSeconds);
            return reader.Read() ? reader.GetInt64(1) : -1;
        }
        catch (SqliteException ex)
        {
            // Not fatal: the writer connection's own automatic checkpoint takes over if the WAL keeps growing.
            StorageLog.SqliteCheckpointFailed(_logger, ex);
            return -1;
        }
    }
}
