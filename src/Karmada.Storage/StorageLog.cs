using Microsoft.Extensions.Logging;

namespace Karmada.Storage;

/// <summary>
/// Every log message of the storage layer (EventIds 2000-2999). Next free ids: SQLite 2006, watch 2011, etcd 2102,
/// factory 2201.
/// </summary>
internal static partial class StorageLog
{
    [LoggerMessage(2000, LogLevel.Information, "Opened SQLite store {Path} at revision {Revision} (compacted at {CompactedRevision})")]
    public static partial void SqliteOpened(ILogger logger, string path, long revision, long compactedRevision);

    [LoggerMessage(2001, LogLevel.Error, "SQLite write batch of {Count} operations failed and was rolled back")]
    public static partial void SqliteBatchFailed(ILogger logger, int count, Exception exception);

    [LoggerMessage(2002, LogLevel.Information, "Compacted the SQLite revision log at revision {Revision}: removed {Rows} entries")]
    public static partial void SqliteCompacted(ILogger logger, long revision, long rows);

    [LoggerMessage(2003, LogLevel.Error, "SQLite compaction at revision {Revision} failed")]
    public static partial void SqliteCompactionFailed(ILogger logger, long revision, Exception exception);

    [LoggerMessage(2004, LogLevel.Information, "Closed SQLite store {Path} at revision {Revision}")]
    public static partial void SqliteClosed(ILogger logger, string path, long revision);

    [LoggerMessage(2005, LogLevel.Warning, "Background SQLite WAL checkpoint failed; the writer's automatic checkpoint remains as a backstop")]
    public static partial void SqliteCheckpointFailed(ILogger logger, Exception exception);

    [LoggerMessage(2010, LogLevel.Warning, "A watcher on {Prefix} fell more than {Capacity} events behind; ending it with Expired")]
    public static partial void WatcherFellBehind(ILogger logger, string prefix, int capacity);

    [LoggerMessage(2100, LogLevel.Information, "Connected to etcd {Servers} under prefix '{Prefix}' at revision {Revision}")]
    public static partial void EtcdConnected(ILogger logger, string servers, string prefix, long revision);

    [LoggerMessage(2101, LogLevel.Information, "Compacted etcd at revision {Revision}")]
    public static partial void EtcdCompacted(ILogger logger, long revision);

    [LoggerMessage(2200, LogLevel.Information, "Storage backend {Backend} is ready")]
    public static partial void StoreReady(ILogger logger, string backend);
}
