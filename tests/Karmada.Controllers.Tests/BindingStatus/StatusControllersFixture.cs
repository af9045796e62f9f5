using k8s;
using Karmada.ApiServer.ControlPlane;
using Karmada.ApiServer.Hosting;
using Karmada.Client;
using Karmada.Storage;
using Karmada.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Karmada.Controllers.Tests.BindingStatus;

/// <summary>A real in-process control plane running only the named controllers, one worker each (events in order).</summary>
internal sealed class StatusControllersFixture : IAsyncDisposable
{
    private readonly TempDirectory _dir = new("status-it");
    private readonly List<IHostedService> _hosted = [];
    private ApiServerInstance _controlPlane = null!;
    private ServiceProvider _services = null!;

    public KubeApiClient Client { get; private set; } = null!;

    public static async Task<StatusControllersFixture> StartAsync(params string[] controllers)
    {
        var fixture = new StatusControllersFixture();
        fixture._controlPlane = await ApiServerApplication.StartAsync(
            new ApiServerOptions
            {
                DataDirectory = fixture._dir.Path,
                SecurePort = 0,
                Storage = new StorageOptions { Backend = StorageBackend.Memory },
                ExtraResources = KarmadaResourceDefinitions.All,
                ExtraNamespaces = ControlPlaneServices.SystemNamespaces,
            },
            NullLoggerFactory.Instance,
            ControlPlaneServices.Add,
            CancellationToken.None);
        var configuration = await KubernetesClientConfiguration.BuildConfigFromConfigFileAsync(new FileInfo(fixture._controlPlane.KubeconfigPath));
        var services = new ServiceCollection();
        services.AddSingleton<ILoggerFactory>(NullLoggerFactory.Instance);
        services.AddKarmadaClient(configuration);
        services.AddKarmadaControllers(new ControllerManagerOptions { Controllers = controllers, Workers = 1 });
        fixture._services = services.BuildServiceProvider();
        fixture.Client = fixture._services.GetRequiredService<KubeApiClient>();
        foreach (var hosted in fixture._services.GetServices<IHostedService>())
        {
            await hosted.StartAsync(CancellationToken.None);
            fixture._hosted.Add(hosted);
        }

        return fixture;
    }

    public async ValueTask DisposeAsync()
    {
        for (var i = _hosted.Count - 1; i >= 0; i--)
        {
            await _hosted[i].StopAsync(CancellationToken.None);
        }

        await _services.DisposeAsync();
        await _controlPlane.DisposeAsync();
        _dir.Dispose();
    }
}
