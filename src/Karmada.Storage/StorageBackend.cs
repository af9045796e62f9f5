namespace Karmada.Storage;

/// <summary>Which <see cref="IObjectStore"/> implementation the control plane stores its objects in.</summary>
public enum StorageBackend
{
    /// <summary>Embedded SQLite file in <see cref="StorageOptions.DataDirectory"/>; the default.</summary>
    Sqlite,

    /// <summary>An external etcd v3 cluster at <see cref="StorageOptions.EtcdServers"/>.</summary>
    Etcd,

    /// <summary>Process memory only; for tests and simulated member clusters.</summary>
    Memory,
}
