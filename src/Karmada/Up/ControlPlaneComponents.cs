using k8s;
using Karmada.ApiServer.Hosting;
using Karmada.Client;
using Karmada.Client.LeaderElection;
using Karmada.Controllers;
using Karmada.Scheduler.Service;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Karmada.Host.Up;

/// <summary>
/// The controller manager and the scheduler of <c>karmada up</c>: hosted in the same process as the API server and,
/// like kube-apiserver's own controllers, talking to it over its in-process loopback transport (or, given a kubeconfig,
/// over HTTPS like the separate <c>karmada controller-manager</c>). They keep their Leases (released on a clean stop) so
/// a separately started controller-manager cannot run the same controllers twice.
/// </summary>
public static class ControlPlaneComponents
{
    /// <summary>Client-side rate limit of the in-process controller manager and scheduler, in requests per second.</summary>
    public const int InProcessQps = 2000;

    /// <summary>
    /// Workers of the execution and workStatus controllers (<c>--concurrent-work-syncs</c>, upstream default 5). An
    /// execution reconcile is two round trips (the member create or update, the Work status patch) and little CPU, so
    /// five workers left the pipeline waiting on the execution queue while cores were spare; a new member's first Works
    /// no longer queue behind one another either.
    /// </summary>
    public const int InProcessWorkSyncs = 16;

    /// <summary>Starts them on <paramref name="apiServer"/>'s loopback transport: no socket, TLS or HTTP/2 in between.</summary>
    public static Task<IHost> StartAsync(ApiServerInstance apiServer, ILoggerFactory loggerFactory, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(apiServer);
        var configuration = new KubernetesClientConfiguration { Host = apiServer.Url };
        return StartAsync(
            configuration,
            services => new KubeApiClient(
                apiServer.CreateLoopbackHandler(),
                new Uri(apiServer.Url),
                ClientOptions(),
                services.GetRequiredService<TimeProvider>(),
                services.GetService<ILogger<KubeApiClient>>()),
            loggerFactory,
            cancellationToken);
    }

    /// <summary>Starts them against the API server named by a kubeconfig, over HTTPS.</summary>
    public static async Task<IHost> StartAsync(string controlPlaneKubeconfig, ILoggerFactory loggerFactory, CancellationToken cancellationToken)
    {
        var configuration = await KubernetesClientConfiguration.BuildConfigFromConfigFileAsync(new FileInfo(controlPlaneKubeconfig));
        return await StartAsync(configuration, createClient: null, loggerFactory, cancellationToken);
    }

    private static async Task<IHost> StartAsync(
        KubernetesClientConfiguration configuration,
        Func<IServiceProvider, KubeApiClient>? createClient,
        ILoggerFactory loggerFactory,
        CancellationToken cancellationToken)
    {
        var builder = Microsoft.Extensions.Hosting.Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        builder.Services.Replace(ServiceDescriptor.Singleton(loggerFactory));
        if (createClient is not null)
        {
            // Registered first: AddKarmadaClient adds a client of its own only when none is registered.
            builder.Services.AddSingleton(createClient);
        }

        builder.Services.AddKarmadaClient(configuration, ConfigureClient);
        builder.Services.AddKarmadaControllers(new ControllerManagerOptions { ConcurrentWorkSyncs = InProcessWorkSyncs }, new LeaderElectionOptions { LeaseName = "karmada-controller-manager" });
        builder.Services.AddKarmadaScheduler(new SchedulerServiceOptions(), new LeaderElectionOptions { LeaseName = SchedulerServiceCollectionExtensions.LeaseName });
        var host = builder.Build();
        try
        {
            await host.StartAsync(cancellationToken);
            return host;
        }
        catch
        {
            host.Dispose();
            throw;
        }
    }

    private static KubeApiClientOptions ClientOptions()
    {
        var options = new KubeApiClientOptions();
        ConfigureClient(options);
        return options;
    }

    private static void ConfigureClient(KubeApiClientOptions client)
    {
        client.UserAgent = "karmada-up";

        // The controller manager and the scheduler share this client, and the API server is in the same process:
        // the separate commands' 200 QPS would cap propagation at a few Deployments per second (every Deployment
        // costs dozens of writes). The limit stays, as a guard against a controller writing in a hot loop.
        client.Qps = InProcessQps;
        client.Burst = InProcessQps * 2;
    }
}
