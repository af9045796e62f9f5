using Microsoft.Data.Sqlite;

namespace Karmada.Storage.Sqlite;

/// <summary>
/// One read-only connection with its statements prepared once. In WAL mode readers work on a snapshot and never
/// block the writer; a multi-statement read runs in one deferred transaction so it sees a single snapshot.
/// </summary>
internal sealed class SqliteReadConnection : IDisposable
{
    private readonly SqliteConnection _connection;
    private readonly SqliteCommand _get;
    private readonly SqliteCommand _meta;
    private readonly SqliteCommand _listFrom;
    private readonly SqliteCommand _listAfter;
    private readonly SqliteCommand _log;

    public SqliteReadConnection(string connectionString)
    {
        _connection = new SqliteConnection(connectionString);
        try
        {
            _connection.Open();
            SqliteSchema.Execute(_connection, "PRAGMA query_only = ON");
            _get = SqliteSchema.Prepare(_connection, "SELECT value, create_revision, mod_revision FROM kv WHERE key = $key", ("$key", SqliteType.Text));
            _meta = SqliteSchema.Prepare(_connection, "SELECT (SELECT value FROM meta WHERE name = 'revision'), (SELECT value FROM meta WHERE name = 'compacted')");
            _listFrom = PrepareList(">=");
            _listAfter = PrepareList(">");
            _log = SqliteSchema.Prepare(
                _connection,
                $"""
                SELECT l.revision, l.key, l.type, l.value, l.create_revision, p.value
                FROM log l LEFT JOIN log p ON p.revision = l.prev_revision
                WHERE l.revision > $after AND l.revision <= $upto AND l.key >= $prefix AND l.key < {SqliteSchema.PrefixEnd}
                ORDER BY l.revision
                LIMIT $limit
                """,
                ("$after", SqliteType.Integer),
                ("$upto", SqliteType.Integer),
                ("$prefix", SqliteType.Text),
                ("$limit", SqliteType.Integer));
        }
        catch
        {
            _connection.Dispose();
            throw;
        }
    }

    public StoredObject? Get(string key)
    {
        _get.Parameters[0].Value = key;
        using var reader = _get.ExecuteReader();
        return reader.Read() ? new StoredObject(key, reader.GetFieldValue<byte[]>(0), reader.GetInt64(1), reader.GetInt64(2)) : null;
    }

    public ListResult List(string prefix, ListRequest request)
    {
        SqliteCommand command;
        if (request.StartAfterKey is { } after && StorageKeyComparer.CompareKeys(after, prefix) >= 0)
        {
            command = _listAfter;
            command.Parameters[0].Value = after;
        }
        else
        {
            command = _listFrom;
            command.Parameters[0].Value = prefix;
        }

        command.Parameters[1].Value = prefix;

        // One extra row tells whether another page follows.
        command.Parameters[2].Value = request.Limit > 0 ? request.Limit + 1L : -1L;
        using var transaction = _connection.BeginTransaction(deferred: true);
        var (revision, _) = ReadMeta(transaction);
        command.Transaction = transaction;
        var items = new List<StoredObject>();
        var hasMore = false;
        using (var reader = command.ExecuteReader())
        {
            while (reader.Read())
            {
                if (request.Limit > 0 && items.Count == request.Limit)
                {
                    hasMore = true;
                    break;
                }

                items.Add(new StoredObject(reader.GetString(0), reader.GetFieldValue<byte[]>(1), reader.GetInt64(2), reader.GetInt64(3)));
            }
        }

        transaction.Commit();
        return new ListResult(items, revision, hasMore);
    }

    /// <summary>
    /// Reads up to <paramref name="limit"/> log entries under <paramref name="prefix"/> in
    /// (<paramref name="afterRevision"/>, <paramref name="upToRevision"/>]; ScannedUpTo tells where the next page
    /// starts. Throws Expired when compaction has removed any of that range.
    /// </summary>
    public (List<StoreEvent> Events, long ScannedUpTo) ReadLog(string prefix, long afterRevision, long upToRevision, int limit)
    {
        using var transaction = _connection.BeginTransaction(deferred: true);
        var (_, compacted) = ReadMeta(transaction);
        if (afterRevision < compacted)
        {
            throw StorageKeys.Expired(prefix, afterRevision, compacted, "history was compacted");
        }

        _log.Transaction = transaction;
        _log.Parameters[0].Value = afterRevision;
        _log.Parameters[1].Value = upToRevision;
        _log.Parameters[2].Value = prefix;
        _log.Parameters[3].Value = limit;
        var events = new List<StoreEvent>();
        using (var reader = _log.ExecuteReader())
        {
            while (reader.Read())
            {
                var type = SqliteSchema.FromLogType(reader.GetInt64(2));
                var value = reader.GetFieldValue<byte[]>(3);
                var previous = type switch
                {
                    StoreEventType.Deleted => value,
                    StoreEventType.Updated when !reader.IsDBNull(5) => new ReadOnlyMemory<byte>(reader.GetFieldValue<byte[]>(5)),
                    _ => (ReadOnlyMemory<byte>?)null,
                };
                events.Add(new StoreEvent(type, reader.GetString(1), value, reader.GetInt64(0), reader.GetInt64(4), previous));
            }
        }

        transaction.Commit();
        return (events, events.Count == limit ? events[^1].Revision : upToRevision);
    }

    public void Dispose()
    {
        _get.Dispose();
        _meta.Dispose();
        _listFrom.Dispose();
        _listAfter.Dispose();
        _log.Dispose();
        _connection.Dispose();
    }

    private (long Revision, long Compacted) ReadMeta(SqliteTransaction transaction)
    {
        _meta.Transaction = transaction;
        using var reader = _meta.ExecuteReader();
        reader.Read();
        return (reader.GetInt64(0), reader.GetInt64(1));
    }

    private SqliteCommand PrepareList(string lowerBound) => SqliteSchema.Prepare(
        _connection,
        $"""
        SELECT key, value, create_revision, mod_revision FROM kv
        WHERE key {lowerBound} $from AND key < {SqliteSchema.PrefixEnd}
        ORDER BY key
        LIMIT $limit
        """,
        ("$from", SqliteType.Text),
        ("$prefix", SqliteType.Text),
        ("$limit", SqliteType.Integer));
}
