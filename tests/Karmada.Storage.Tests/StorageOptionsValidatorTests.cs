namespace Karmada.Storage.Tests;

public sealed class StorageOptionsValidatorTests
{
    [Theory]
    [InlineData(StorageBackend.Sqlite, null, null, "/karmada", "--data-dir is required with --storage sqlite")]
    [InlineData(StorageBackend.Etcd, null, null, "/karmada", "--etcd-servers is required with --storage etcd")]
    [InlineData(StorageBackend.Etcd, null, "127.0.0.1:2379", "/karmada", "'127.0.0.1:2379' is not one")]
    [InlineData(StorageBackend.Etcd, null, "http://127.0.0.1:2379,ftp://x", "/karmada", "'ftp://x' is not one")]
    [InlineData(StorageBackend.Etcd, null, "http://127.0.0.1:2379", "karmada", "--etcd-prefix must be empty or start with '/'")]
    [InlineData(StorageBackend.Etcd, null, "http://127.0.0.1:2379", "/karmada/", "--etcd-prefix must be empty or start with '/'")]
    [InlineData((StorageBackend)42, null, null, "/karmada", "--storage must be sqlite, etcd or memory")]
    public void Validate_BadOptions_SaysWhatToFix(StorageBackend backend, string? dataDirectory, string? etcdServers, string etcdPrefix, string expected)
    {
        var options = new StorageOptions { Backend = backend, DataDirectory = dataDirectory, EtcdServers = etcdServers, EtcdPrefix = etcdPrefix };

        var result = new StorageOptionsValidator().Validate(null, options);

        Assert.True(result.Failed);
        Assert.Contains(expected, result.FailureMessage, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(StorageBackend.Sqlite, "/var/lib/karmada", null, "/karmada")]
    [InlineData(StorageBackend.Etcd, null, "http://127.0.0.1:2379, https://etcd-1:2379", "")]
    [InlineData(StorageBackend.Memory, null, null, "/karmada")]
    public void Validate_GoodOptions_Succeeds(StorageBackend backend, string? dataDirectory, string? etcdServers, string etcdPrefix)
    {
        var options = new StorageOptions { Backend = backend, DataDirectory = dataDirectory, EtcdServers = etcdServers, EtcdPrefix = etcdPrefix };

        var result = new StorageOptionsValidator().Validate(null, options);

        Assert.True(result.Succeeded, result.FailureMessage);
    }

    [Fact]
    public void Validate_NonPositiveCapacities_Fails()
    {
        var options = new StorageOptions { Backend = StorageBackend.Memory, WatchHistoryCapacity = 0, WatchBufferCapacity = 0 };

        var result = new StorageOptionsValidator().Validate(null, options);

        Assert.Equal(2, result.Failures!.Count());
    }
}
