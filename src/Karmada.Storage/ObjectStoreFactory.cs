using Karmada.Storage.Etcd;
using Karmada.Storage.Memory;
using Karmada.Storage.Sqlite;
using Microsoft.Extensions.Logging;

namespace Karmada.Storage;

/// <summary>Opens the store <see cref="StorageOptions"/> describes.</summary>
public static class ObjectStoreFactory
{
    /// <summary>
    /// Validates <paramref name="options"/> (throwing <see cref="ArgumentException"/> that says what to fix) and
    /// opens the store. etcd must answer, otherwise this fails with <see cref="StorageErrorKind.Unavailable"/>.
    /// </summary>
    public static async Task<IObjectStore> CreateAsync(StorageOptions options, ILoggerFactory loggerFactory, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(loggerFactory);
        var validation = new StorageOptionsValidator().Validate(null, options);
        if (validation.Failed)
        {
            throw new ArgumentException(string.Join("; ", validation.Failures!), nameof(options));
        }

        IObjectStore store = options.Backend switch
        {
            StorageBackend.Sqlite => SqliteObjectStore.Open(
                options.DataDirectory!,
                options.WatchHistoryCapacity ?? SqliteObjectStore.DefaultHistoryCapacity,
                options.WatchBufferCapacity,
                loggerFactory.CreateLogger<SqliteObjectStore>()),
            StorageBackend.Etcd => await EtcdObjectStore.ConnectAsync(
                options.EtcdServers!,
                options.EtcdPrefix ?? "",
                loggerFactory.CreateLogger<EtcdObjectStore>(),
                cancellationToken),
            _ => new MemoryObjectStore(
                options.WatchHistoryCapacity ?? MemoryObjectStore.DefaultHistoryCapacity,
                options.WatchBufferCapacity,
                loggerFactory.CreateLogger<MemoryObjectStore>()),
        };
        StorageLog.StoreReady(loggerFactory.CreateLogger(typeof(ObjectStoreFactory).FullName!), store.Backend);
        return store;
    }
}
