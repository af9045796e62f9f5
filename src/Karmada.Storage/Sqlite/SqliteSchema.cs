using Microsoft.Data.Sqlite;

namespace Karmada.Storage.Sqlite;

/// <summary>Table layout and SQL shared by the writer and the readers.</summary>
/// <remarks>
/// <c>kv</c> holds the current value of every key; <c>log</c> holds one row per revision for watch replay after a
/// restart. A log row stores its own value (for deletes: the last value) and the revision of the key's previous
/// write instead of a copy of the previous value, which would double the bytes written per update; replay joins
/// the two rows. <c>meta</c> holds the current and the compacted revision so both survive restarts.
/// </remarks>
internal static class SqliteSchema
{
    public const string CreateTables = """
        CREATE TABLE IF NOT EXISTS kv (
            key TEXT NOT NULL PRIMARY KEY,
            value BLOB NOT NULL,
            create_revision INTEGER NOT NULL,
            mod_revision INTEGER NOT NULL);
        CREATE TABLE IF NOT EXISTS log (
            revision INTEGER PRIMARY KEY,
            key TEXT NOT NULL,
            type INTEGER NOT NULL,
            value BLOB NOT NULL,
            create_revision INTEGER NOT NULL,
            prev_revision INTEGER);
        CREATE TABLE IF NOT EXISTS meta (
            name TEXT NOT NULL PRIMARY KEY,
            value INTEGER NOT NULL);
        INSERT OR IGNORE INTO meta(name, value) VALUES ('schema', 1), ('revision', 0), ('compacted', 0);
        """;

    /// <summary>
    /// The exclusive upper bound of a prefix range: valid UTF-8 never contains the byte 0xFF, so every key that
    /// starts with the prefix sorts below prefix||0xFF and every greater key without it sorts above.
    /// </summary>
    public const string PrefixEnd = "($prefix || CAST(X'FF' AS TEXT))";

    // Values are persisted, so pin them rather than rely on the enum's declaration order.
    public const int TypeCreated = 0;
    public const int TypeUpdated = 1;
    public const int TypeDeleted = 2;

    public static string ConnectionString(string path) => new SqliteConnectionStringBuilder
    {
        DataSource = path,
        Mode = SqliteOpenMode.ReadWriteCreate,
        Cache = SqliteCacheMode.Private,

        // The store keeps its connections for its whole life; pooling would only keep the file open after disposal.
        Pooling = false,
    }.ToString();

    public static SqliteCommand Prepare(SqliteConnection connection, string sql, params ReadOnlySpan<(string Name, SqliteType Type)> parameters)
    {
        var command = connection.CreateCommand();
        command.CommandText = sql;
        foreach (var (name, type) in parameters)
        {
            command.Parameters.Add(name, type);
        }

        command.Prepare();
        return command;
    }

    public static void Execute(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }

    public static object? Scalar(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        return command.ExecuteScalar();
    }

    public static int ToLogType(StoreEventType type) => type switch
    {
        StoreEventType.Created => TypeCreated,
        StoreEventType.Updated => TypeUpdated,
        _ => TypeDeleted,
    };

    public static StoreEventType FromLogType(long type) => type switch
    {
        TypeCreated => StoreEventType.Created,
        TypeUpdated => StoreEventType.Updated,
        TypeDeleted => StoreEventType.Deleted,
        _ => throw new InvalidDataException($"unknown revision log entry type {type}"),
    };
}
