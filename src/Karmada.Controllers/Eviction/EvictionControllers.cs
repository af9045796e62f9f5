using Karmada.Api.WellKnown;
using Karmada.Client;
using Karmada.Client.Informers;
using Karmada.Controllers.BindingStatus;
using Karmada.Controllers.Runtime;
using Karmada.Scheduler.Taints;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using ClusterV1Alpha1 = Karmada.Api.Cluster.V1Alpha1;

namespace Karmada.Controllers.Eviction;

/// <summary>
/// Builds the failover controllers: <c>clusterTaintPolicy</c>, <c>taintManager</c> and <c>gracefulEviction</c> (the
/// last two as one controller per binding kind, under one name as upstream). Settings come from a registered
/// <see cref="EvictionOptions"/>, else <see cref="EvictionOptions.Default"/>.
/// </summary>
public static class EvictionControllers
{
    /// <summary>The taint manager's name in <c>--controllers</c> (upstream starts it with <c>cluster</c> under <c>--enable-taint-manager</c>).</summary>
    public const string TaintManagerName = "taintManager";

    /// <summary>The graceful eviction controllers' name in <c>--controllers</c>.</summary>
    public const string GracefulEvictionName = "gracefulEviction";

    /// <summary>The <c>clusterTaintPolicy</c> controller.</summary>
    public static IHostedService CreateClusterTaintPolicy(IServiceProvider services, ControllerManagerOptions options)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(options);
        var informers = services.GetRequiredService<InformerFactory>();
        var time = services.GetRequiredService<TimeProvider>();
        var loggers = LoggersOf(services);
        var clusters = ControllerServiceCollectionExtensions.ClusterInformer(services);
        var policies = informers.GetInformer(
            ClusterTaintPolicyController.ClusterTaintPolicies, ClusterTaintPolicyController.PolicyTypeInfo, ClusterTaintPolicyController.PolicyAccessor);
        return new MultiSourceReconcilerHostedService(
            "cluster-taint-policy-controller",
            new ClusterTaintPolicyController(
                services.GetRequiredService<KubeApiClient>(), clusters, policies, time, loggers.CreateLogger<ClusterTaintPolicyController>()),
            ClusterTaintPolicyController.EventSources(clusters, policies),
            options.Workers,
            time,
            loggers);
    }

    /// <summary>The <c>taintManager</c>: one NoExecute taint manager per binding kind.</summary>
    public static IHostedService CreateTaintManager(IServiceProvider services, ControllerManagerOptions options)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(options);
        return new HostedServiceGroup(() =>
        [
            CreateTaintManager(BindingKinds.ResourceBinding, "binding-eviction", services, options),
            CreateTaintManager(BindingKinds.ClusterResourceBinding, "cluster-binding-eviction", services, options),
        ]);
    }

    /// <summary>The <c>gracefulEviction</c> controllers, one per binding kind.</summary>
    public static IHostedService CreateGracefulEviction(IServiceProvider services, ControllerManagerOptions options)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(options);
        return new HostedServiceGroup(() =>
        [
            CreateGracefulEviction(BindingKinds.ResourceBinding, "resource-binding-graceful-eviction-controller", services, options),
            CreateGracefulEviction(BindingKinds.ClusterResourceBinding, "cluster-resource-binding-graceful-eviction-controller", services, options),
        ]);
    }

    /// <summary>
    /// What enqueues a binding for the taint manager: its creation, a new generation or applied placement (scheduled
    /// somewhere else, tolerations changed), and a change of the NoExecute taints of a cluster it is scheduled to.
    /// </summary>
    public static IReadOnlyList<EventSource> TaintManagerSources<TBinding>(
        BindingKind<TBinding> kind, SharedInformer<TBinding> bindings, SharedInformer<ClusterV1Alpha1.Cluster> clusters)
        where TBinding : class
    {
        ArgumentNullException.ThrowIfNull(kind);
        ArgumentNullException.ThrowIfNull(bindings);
        BindingsByCluster.Ensure(kind, bindings.Indexer);
        IEnumerable<ObjectKey> Self(TBinding b) => [kind.Accessor.GetKey(b)];
        IEnumerable<ObjectKey> OnCluster(ClusterV1Alpha1.Cluster c) => BindingsByCluster.KeysOf(kind, bindings, c.Metadata.Name!);
        return
        [
            EventSource.From(
                bindings,
                onAdd: Self,
                onUpdate: (old, b) => kind.Metadata(old).Generation != kind.Metadata(b).Generation
                    || AppliedPlacementOf(kind, old) != AppliedPlacementOf(kind, b) ? Self(b) : [],
                onDelete: null),
            EventSource.From(
                clusters,
                onAdd: c => TaintTolerations.HasNoExecuteTaints(c.Spec.Taints) ? OnCluster(c) : [],
                onUpdate: (old, c) => NoExecuteTaintsChanged(old, c) ? OnCluster(c) : [],
                onDelete: null),
        ];
    }

    /// <summary>
    /// What enqueues a binding for graceful eviction (upstream's predicate, plus creation for restarts): a binding with
    /// eviction tasks whose current generation the scheduler has observed, on any change (its status carries health).
    /// </summary>
    public static IReadOnlyList<EventSource> GracefulEvictionSources<TBinding>(BindingKind<TBinding> kind, SharedInformer<TBinding> bindings)
        where TBinding : class
    {
        ArgumentNullException.ThrowIfNull(kind);
        bool Relevant(TBinding b) =>
            kind.Spec(b).GracefulEvictionTasks.Count > 0 && kind.Status(b).SchedulerObservedGeneration == kind.Metadata(b).Generation;
        return
        [
            EventSource.From(
                bindings,
                onAdd: b => Relevant(b) ? [kind.Accessor.GetKey(b)] : [],
                onUpdate: (_, b) => Relevant(b) ? [kind.Accessor.GetKey(b)] : [],
                onDelete: null),
        ];
    }

    /// <summary>Whether the NoExecute taints of a cluster changed (added, removed, or re-stamped).</summary>
    public static bool NoExecuteTaintsChanged(ClusterV1Alpha1.Cluster old, ClusterV1Alpha1.Cluster current)
    {
        ArgumentNullException.ThrowIfNull(old);
        ArgumentNullException.ThrowIfNull(current);
        return !ClusterTaintPolicyRules.SameTaints(
            TaintTolerations.GetNoExecuteTaints(old.Spec.Taints), TaintTolerations.GetNoExecuteTaints(current.Spec.Taints));
    }

    private static MultiSourceReconcilerHostedService CreateTaintManager<TBinding>(
        BindingKind<TBinding> kind, string queueName, IServiceProvider services, ControllerManagerOptions options)
        where TBinding : class
    {
        var time = services.GetRequiredService<TimeProvider>();
        var loggers = LoggersOf(services);
        var bindings = services.GetRequiredService<InformerFactory>().GetInformer(kind.Resource, kind.TypeInfo, kind.Accessor);
        var clusters = ControllerServiceCollectionExtensions.ClusterInformer(services);
        return new MultiSourceReconcilerHostedService(
            queueName,
            new TaintManagerController<TBinding>(
                kind,
                services.GetRequiredService<KubeApiClient>(),
                bindings,
                clusters,
                OptionsOf(services),
                time,
                loggers.CreateLogger<TaintManagerController<TBinding>>()),
            TaintManagerSources(kind, bindings, clusters),
            options.Workers,
            time,
            loggers);
    }

    private static MultiSourceReconcilerHostedService CreateGracefulEviction<TBinding>(
        BindingKind<TBinding> kind, string queueName, IServiceProvider services, ControllerManagerOptions options)
        where TBinding : class
    {
        var time = services.GetRequiredService<TimeProvider>();
        var loggers = LoggersOf(services);
        var bindings = services.GetRequiredService<InformerFactory>().GetInformer(kind.Resource, kind.TypeInfo, kind.Accessor);
        return new MultiSourceReconcilerHostedService(
            queueName,
            new GracefulEvictionController<TBinding>(
                kind,
                services.GetRequiredService<KubeApiClient>(),
                bindings,
                OptionsOf(services),
                time,
                loggers.CreateLogger<GracefulEvictionController<TBinding>>()),
            GracefulEvictionSources(kind, bindings),
            options.Workers,
            time,
            loggers);
    }

    private static string? AppliedPlacementOf<TBinding>(BindingKind<TBinding> kind, TBinding binding)
        where TBinding : class =>
        kind.Metadata(binding).Annotations.GetValueOrDefault(WellKnownAnnotations.AppliedPlacement);

    private static EvictionOptions OptionsOf(IServiceProvider services) => services.GetService<EvictionOptions>() ?? EvictionOptions.Default;

    private static ILoggerFactory LoggersOf(IServiceProvider services) => services.GetService<ILoggerFactory>() ?? NullLoggerFactory.Instance;
}
