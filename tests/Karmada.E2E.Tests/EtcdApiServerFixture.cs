using Karmada.Testing;

namespace Karmada.E2E.Tests;

/// <summary>The API server on a real etcd started for the test class.</summary>
public sealed class EtcdApiServerFixture : ApiServerFixture
{
    private EtcdServer? _etcd;

    public override async Task DisposeAsync()
    {
        await base.DisposeAsync();
        if (_etcd is not null)
        {
            await _etcd.DisposeAsync();
        }
    }

    protected override async Task<string[]> StorageArgumentsAsync()
    {
        _etcd = await EtcdServer.StartAsync();
        return ["--storage", "etcd", "--etcd-servers", _etcd.ClientUrl];
    }
}
