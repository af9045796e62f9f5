using Karmada.Client;
using Karmada.Client.Informers;
using Karmada.Controllers.Runtime;
using Karmada.Interpreter;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Karmada.Controllers.Binding;

/// <summary>
/// Builds the <c>binding</c> controller: the ResourceBinding and ClusterResourceBinding controllers over the shared
/// informers, one synchronizer between them. Uses the registered <see cref="IResourceInterpreter"/>, or the built-in one.
/// </summary>
public static class BindingControllers
{
    /// <summary>Both binding controllers as one hosted service.</summary>
    public static IHostedService Create(IServiceProvider services, ControllerManagerOptions options)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(options);
        var client = services.GetRequiredService<KubeApiClient>();
        var informers = services.GetRequiredService<InformerFactory>();
        var timeProvider = services.GetRequiredService<TimeProvider>();
        var loggerFactory = services.GetService<ILoggerFactory>() ?? NullLoggerFactory.Instance;
        var interpreter = services.GetService<IResourceInterpreter>() ?? ResourceInterpreter.CreateDefault(timeProvider);

        var resourceBindings = informers.GetInformer(BindingResources.ResourceBindings, BindingResources.ResourceBindingType, BindingResources.ResourceBindingMeta);
        var clusterResourceBindings = informers.GetInformer(BindingResources.ClusterResourceBindings, BindingResources.ClusterResourceBindingType, BindingResources.ClusterResourceBindingMeta);
        var works = informers.GetInformer(BindingResources.Works, BindingResources.WorkType, BindingResources.WorkMeta);
        var overridePolicies = informers.GetInformer(BindingResources.OverridePolicies, BindingResources.OverridePolicyType, BindingResources.OverridePolicyMeta);
        var clusterOverridePolicies = informers.GetInformer(BindingResources.ClusterOverridePolicies, BindingResources.ClusterOverridePolicyType, BindingResources.ClusterOverridePolicyMeta);
        var clusters = ControllerServiceCollectionExtensions.ClusterInformer(services);

        var synchronizer = new BindingWorkSynchronizer(
            client,
            new CachedObjectReader(client, informers),
            new ResourceKindMapper(client),
            new WorkRenderer(interpreter),
            works,
            clusters,
            overridePolicies,
            clusterOverridePolicies,
            loggerFactory.CreateLogger<BindingWorkSynchronizer>(),
            timeProvider);

        // The Cluster informer only has to be synced: override rules match on Clusters.
        var clusterSync = EventSource.From(clusters, onAdd: null, onUpdate: null, onDelete: null);
        IHostedService[] controllers =
        [
            new MultiSourceReconcilerHostedService(
                ResourceBindingController.Name,
                new ResourceBindingController(client, resourceBindings, synchronizer),
                [.. BindingEventSources.For(resourceBindings, b => b.Metadata, BindingView.Of, overridePolicies, clusterOverridePolicies, works), clusterSync],
                options.WorkersFor(options.ConcurrentResourceBindingSyncs),
                timeProvider,
                loggerFactory),
            new MultiSourceReconcilerHostedService(
                ClusterResourceBindingController.Name,
                new ClusterResourceBindingController(client, clusterResourceBindings, synchronizer),
                [.. BindingEventSources.For(clusterResourceBindings, b => b.Metadata, BindingView.Of, overridePolicies, clusterOverridePolicies, works), clusterSync],
                options.WorkersFor(options.ConcurrentClusterResourceBindingSyncs),
                timeProvider,
                loggerFactory),
        ];
        return new HostedServiceGroup(() => controllers);
    }
}
