using k8s;
using Karmada.ApiServer.Hosting;
using Karmada.Storage;
using Karmada.Testing;
using Microsoft.Extensions.Logging.Abstractions;

namespace Karmada.ApiServer.Tests.Integration;

/// <summary>An API server on memory storage and a free port, in this process, with a KubernetesClient for it.</summary>
public sealed class InProcessApiServer : IAsyncLifetime
{
    private readonly TempDirectory _dataDir = new("apiserver-it");

    public ApiServerInstance Server { get; private set; } = null!;

    public Kubernetes Client { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Server = await ApiServerApplication.StartAsync(
            new ApiServerOptions
            {
                DataDirectory = _dataDir.Path,
                SecurePort = 0,
                Storage = new StorageOptions { Backend = StorageBackend.Memory },
            },
            NullLoggerFactory.Instance,
            null,
            CancellationToken.None);
        Client = new Kubernetes(KubernetesClientConfiguration.BuildConfigFromConfigFile(Server.KubeconfigPath));
    }

    public async Task DisposeAsync()
    {
        Client.Dispose();
        await Server.DisposeAsync();
        _dataDir.Dispose();
    }
}
