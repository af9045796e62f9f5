using Karmada.Client;
using Karmada.Client.Informers;
using Karmada.Client.LeaderElection;
using Karmada.Controllers.Cluster;
using Karmada.Controllers.Dependencies;
using Karmada.Controllers.Detector;
using Karmada.Controllers.Members;
using Karmada.Controllers.Runtime;
using Karmada.Controllers.Status;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using ClusterV1Alpha1 = Karmada.Api.Cluster.V1Alpha1;

namespace Karmada.Controllers;

/// <summary>Registers the controllers of karmada controller-manager in a host.</summary>
public static class ControllerServiceCollectionExtensions
{
    /// <summary>
    /// Registers the controller registry, the member client cache (<see cref="IMemberClusterClients"/>) and the
    /// member informers, plus one hosted service that runs the controllers selected by
    /// <see cref="ControllerManagerOptions.Controllers"/>: gated on a Lease when <paramref name="leaderElection"/> is
    /// given, always otherwise. Needs <c>AddKarmadaClient</c> (the control-plane client and informer factory).
    /// </summary>
    public static IServiceCollection AddKarmadaControllers(this IServiceCollection services, ControllerManagerOptions options, LeaderElectionOptions? leaderElection = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        var registry = CreateRegistry(options);
        registry.Validate(options.Controllers);
        leaderElection?.Validate();

        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton(options);
        services.AddSingleton(registry);
        services.TryAddSingleton<IMemberClusterClients>(sp => new MemberClusterClients(
            sp.GetRequiredService<KubeApiClient>(), options, sp.GetRequiredService<TimeProvider>(), LoggerFactoryOf(sp), sp.GetService<InformerFactory>()));
        services.TryAddSingleton(sp => new MemberClusterInformers(sp.GetRequiredService<TimeProvider>(), LoggerFactoryOf(sp)));
        services.AddSingleton<IHostedService>(sp =>
        {
            IEnumerable<IHostedService> Create() => registry.CreateEnabled(sp, options.Controllers);
            if (leaderElection is null)
            {
                return new HostedServiceGroup(Create);
            }

            var elector = new LeaderElector(
                sp.GetRequiredService<KubeApiClient>(), leaderElection, sp.GetRequiredService<TimeProvider>(), LoggerFactoryOf(sp).CreateLogger<LeaderElector>());
            return new LeaderGatedHostedService(elector, Create, LoggerFactoryOf(sp).CreateLogger<LeaderGatedHostedService>());
        });
        return services;
    }

    /// <summary>Every controller this manager knows, in start order.</summary>
    public static ControllerRegistry CreateRegistry(ControllerManagerOptions options) => new ControllerRegistry()
        .Register(ClusterController.Name, sp => new ReconcilerHostedService<ClusterV1Alpha1.Cluster>(
            ClusterController.Name,
            new ClusterController(
                sp.GetRequiredService<KubeApiClient>(),
                ClusterInformer(sp),
                sp.GetRequiredService<InformerFactory>().GetInformer(ResourceRef.Namespaces),
                sp.GetRequiredService<IMemberClusterClients>(),
                new ClusterHealthMonitor(options.ClusterMonitorGracePeriod, options.ClusterStartupGracePeriod),
                options.ClusterMonitorPeriod,
                sp.GetRequiredService<TimeProvider>(),
                LoggerFactoryOf(sp).CreateLogger<ClusterController>()),
            ClusterInformer(sp),
            ClusterMeta.Accessor,
            options.WorkersFor(options.ConcurrentClusterSyncs),
            sp.GetRequiredService<TimeProvider>(),
            LoggerFactoryOf(sp)))
        .Register(ClusterStatusController.Name, sp => new ReconcilerHostedService<ClusterV1Alpha1.Cluster>(
            ClusterStatusController.Name,
            new ClusterStatusController(
                sp.GetRequiredService<KubeApiClient>(),
                ClusterInformer(sp),
                sp.GetRequiredService<IMemberClusterClients>(),
                sp.GetRequiredService<MemberClusterInformers>(),
                options,
                sp.GetRequiredService<TimeProvider>(),
                LoggerFactoryOf(sp).CreateLogger<ClusterStatusController>()),
            ClusterInformer(sp),
            ClusterMeta.Accessor,
            options.Workers,
            sp.GetRequiredService<TimeProvider>(),
            LoggerFactoryOf(sp),
            ClusterStatusController.IsProbeWorthy))
        .AddResourceDetector(options)
        .AddDependenciesDistributor(options)
        .Register(Binding.ResourceBindingController.Name, sp => Binding.BindingControllers.Create(sp, options))
        .Register(Execution.ExecutionController.Name, sp => Execution.ExecutionControllerFactory.CreateExecution(sp, options))
        .Register(Execution.WorkStatusController.Name, sp => Execution.ExecutionControllerFactory.CreateWorkStatus(sp, options))
        .Register(BindingStatus.BindingStatusControllers.Name, sp => BindingStatus.BindingStatusControllers.Create(sp, options))
        .Register(Namespaces.NamespaceSyncController.Name, sp => Namespaces.NamespaceSyncControllers.Create(sp, options))
        .Register(Eviction.ClusterTaintPolicyController.Name, sp => Eviction.EvictionControllers.CreateClusterTaintPolicy(sp, options))
        .Register(Eviction.EvictionControllers.TaintManagerName, sp => Eviction.EvictionControllers.CreateTaintManager(sp, options))
        .Register(Eviction.EvictionControllers.GracefulEvictionName, sp => Eviction.EvictionControllers.CreateGracefulEviction(sp, options));

    /// <summary>The process-wide Cluster informer.</summary>
    public static SharedInformer<ClusterV1Alpha1.Cluster> ClusterInformer(IServiceProvider services) =>
        services.GetRequiredService<InformerFactory>().GetInformer(ResourceRefs.Clusters, ClusterMeta.TypeInfo, ClusterMeta.Accessor);

    private static ILoggerFactory LoggerFactoryOf(IServiceProvider services) =>
        services.GetService<ILoggerFactory>() ?? Microsoft.Extensions.Logging.Abstractions.NullLoggerFactory.Instance;
}
