using Karmada.Testing;

namespace Karmada.Storage.Tests.Etcd;

/// <summary>One etcd shared by a test class; tests keep apart by using their own key prefixes.</summary>
public sealed class EtcdServerFixture : IAsyncLifetime
{
    private EtcdServer? _server;

    public EtcdServer Server => _server ?? throw new InvalidOperationException("etcd has not started");

    public async Task InitializeAsync()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        _server = await EtcdServer.StartAsync(timeout.Token);
    }

    public async Task DisposeAsync()
    {
        if (_server is not null)
        {
            await _server.DisposeAsync();
        }
    }
}
