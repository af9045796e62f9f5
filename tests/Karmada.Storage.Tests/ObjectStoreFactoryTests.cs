using Karmada.Storage.Memory;
using Karmada.Storage.Sqlite;
using Karmada.Testing;
using Microsoft.Extensions.Logging.Abstractions;

namespace Karmada.Storage.Tests;

public sealed class ObjectStoreFactoryTests
{
    [Fact]
    public async Task CreateAsync_EtcdWithoutServers_ThrowsArgumentExceptionNamingTheFlag()
    {
        var options = new StorageOptions { Backend = StorageBackend.Etcd };

        var ex = await Assert.ThrowsAsync<ArgumentException>(() => ObjectStoreFactory.CreateAsync(options, NullLoggerFactory.Instance, CancellationToken.None));

        Assert.Contains("--etcd-servers is required with --storage etcd", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task CreateAsync_Sqlite_OpensStoreInDataDirectory()
    {
        using var directory = new TempDirectory("karmada-factory");
        var options = new StorageOptions { Backend = StorageBackend.Sqlite, DataDirectory = directory.Path };

        await using var store = await ObjectStoreFactory.CreateAsync(options, NullLoggerFactory.Instance, CancellationToken.None);
        await store.CreateAsync("/a", new byte[] { 1 }, CancellationToken.None);

        var sqlite = Assert.IsType<SqliteObjectStore>(store);
        Assert.Equal("sqlite", store.Backend);
        Assert.Equal(Path.Combine(directory.Path, SqliteObjectStore.DatabaseFileName), sqlite.DatabasePath);
        Assert.True(File.Exists(sqlite.DatabasePath));
    }

    [Fact]
    public async Task CreateAsync_Memory_ReturnsMemoryStore()
    {
        await using var store = await ObjectStoreFactory.CreateAsync(new StorageOptions { Backend = StorageBackend.Memory }, NullLoggerFactory.Instance, CancellationToken.None);

        Assert.IsType<MemoryObjectStore>(store);
        Assert.Equal("memory", store.Backend);
    }
}
