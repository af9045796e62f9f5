using k8s;
using Karmada.ApiServer.ControlPlane;
using Karmada.ApiServer.Hosting;
using Karmada.Client;
using Karmada.Client.Informers;
using Karmada.Storage;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Karmada.Testing.ControlPlane;

/// <summary>
/// A real in-process Karmada control plane for integration tests: the API server on memory storage with Karmada's
/// kinds, system namespaces and admission (or, by option, a plain Kubernetes API server), plus a service provider holding the Karmada client and whatever the test
/// registers. Disposal stops hosted services in reverse start order before the provider, the server and the data go.
/// </summary>
public sealed class InProcessControlPlane : IAsyncDisposable
{
    private readonly TempDirectory _directory;
    private readonly List<IHostedService> _started = [];
    private readonly HashSet<IHostedService> _owned = [];
    private bool _registeredStarted;

    private InProcessControlPlane(TempDirectory directory, ApiServerInstance apiServer, KubernetesClientConfiguration configuration, ServiceProvider services)
    {
        _directory = directory;
        ApiServer = apiServer;
        Configuration = configuration;
        Services = services;
    }

    public ApiServerInstance ApiServer { get; }

    /// <summary>The control plane's data directory (certificates, kubeconfig); tests may write beside them.</summary>
    public string DataDirectory => _directory.Path;

    public string KubeconfigPath => ApiServer.KubeconfigPath;

    /// <summary>The admin client configuration loaded from <see cref="KubeconfigPath"/>.</summary>
    public KubernetesClientConfiguration Configuration { get; }

    public ServiceProvider Services { get; }

    public KubeApiClient Client => Services.GetRequiredService<KubeApiClient>();

    public InformerFactory Informers => Services.GetRequiredService<InformerFactory>();

    public static async Task<InProcessControlPlane> StartAsync(InProcessControlPlaneOptions? options = null, CancellationToken cancellationToken = default)
    {
        options ??= new InProcessControlPlaneOptions();
        var directory = new TempDirectory(options.DirectoryPrefix);
        ApiServerInstance? apiServer = null;
        try
        {
            apiServer = await ApiServerApplication.StartAsync(
                new ApiServerOptions
                {
                    DataDirectory = directory.Path,
                    SecurePort = 0,
                    Storage = new StorageOptions { Backend = StorageBackend.Memory },
                    ExtraResources = options.KarmadaResources ? KarmadaResourceDefinitions.All : [],
                    ExtraNamespaces = options.KarmadaResources ? ControlPlaneServices.SystemNamespaces : [],
                    ConfigurePipeline = options.ConfigurePipeline,
                },
                NullLoggerFactory.Instance,
                options.KarmadaResources ? ControlPlaneServices.Add : null,
                cancellationToken);
            var configuration = await KubernetesClientConfiguration.BuildConfigFromConfigFileAsync(new FileInfo(apiServer.KubeconfigPath));
            var services = new ServiceCollection();
            services.AddSingleton<ILoggerFactory>(NullLoggerFactory.Instance);
            services.AddKarmadaClient(configuration);
            options.ConfigureServices?.Invoke(services);
            var controlPlane = new InProcessControlPlane(directory, apiServer, configuration, services.BuildServiceProvider());
            if (options.StartRegisteredServices)
            {
                await controlPlane.StartRegisteredServicesAsync(cancellationToken);
            }

            return controlPlane;
        }
        catch
        {
            if (apiServer is not null)
            {
                await apiServer.DisposeAsync();
            }

            directory.Dispose();
            throw;
        }
    }

    /// <summary>Starts, in registration order, the hosted services registered in <see cref="Services"/> (once).</summary>
    public async Task StartRegisteredServicesAsync(CancellationToken cancellationToken)
    {
        if (_registeredStarted)
        {
            return;
        }

        _registeredStarted = true;
        foreach (var hosted in Services.GetServices<IHostedService>())
        {
            await hosted.StartAsync(cancellationToken);
            _started.Add(hosted);
        }
    }

    /// <summary>
    /// Starts a service the test built by hand and takes ownership: it is stopped in reverse start order and then
    /// disposed when the control plane is.
    /// </summary>
    public async Task<T> AddHostedAsync<T>(T service, CancellationToken cancellationToken)
        where T : IHostedService
    {
        ArgumentNullException.ThrowIfNull(service);
        await service.StartAsync(cancellationToken);
        _started.Add(service);
        _owned.Add(service);
        return service;
    }

    public async ValueTask DisposeAsync()
    {
        for (var i = _started.Count - 1; i >= 0; i--)
        {
            var hosted = _started[i];
            await hosted.StopAsync(CancellationToken.None);
            if (_owned.Contains(hosted))
            {
                await DisposeOwnedAsync(hosted);
            }
        }

        _started.Clear();
        await Services.DisposeAsync();
        await ApiServer.DisposeAsync();
        _directory.Dispose();
    }

    private static async ValueTask DisposeOwnedAsync(IHostedService hosted)
    {
        switch (hosted)
        {
            case IAsyncDisposable asyncDisposable:
                await asyncDisposable.DisposeAsync();
                break;
            case IDisposable disposable:
                disposable.Dispose();
                break;
        }
    }
}
