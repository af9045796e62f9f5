namespace Karmada.Storage;

/// <summary>
/// Where and how objects are stored (<c>--storage</c>, <c>--data-dir</c>, <c>--etcd-servers</c>,
/// <c>--etcd-prefix</c>). Checked by <see cref="StorageOptionsValidator"/>.
/// </summary>
public sealed class StorageOptions
{
    /// <summary>The backend; default <see cref="StorageBackend.Sqlite"/>.</summary>
    public StorageBackend Backend { get; set; } = StorageBackend.Sqlite;

    /// <summary>Directory holding <c>karmada.db</c>; required for SQLite, created when missing.</summary>
    public string? DataDirectory { get; set; }

    /// <summary>Comma-separated etcd client URLs, e.g. <c>http://127.0.0.1:2379,http://10.0.0.2:2379</c>; required for etcd.</summary>
    public string? EtcdServers { get; set; }

    /// <summary>
    /// Root under which every key is stored in etcd, so several control planes can share one etcd. Empty or a path
    /// starting with '/' and not ending with '/'. Default <c>/karmada</c>.
    /// </summary>
    public string EtcdPrefix { get; set; } = "/karmada";

    /// <summary>
    /// Recent events kept in memory for watches that start in the past. Null picks the backend's default
    /// (memory: 100,000, its only history; SQLite: 8,192, older history comes from its revision log). Unused by etcd.
    /// </summary>
    public int? WatchHistoryCapacity { get; set; }

    /// <summary>Events a watcher may leave unread before its watch ends with Expired (memory and SQLite).</summary>
    public int WatchBufferCapacity { get; set; } = 10_000;
}
