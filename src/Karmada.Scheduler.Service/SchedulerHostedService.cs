using Karmada.Api.Meta;
using Karmada.Api.Work.V1Alpha2;
using Karmada.Client;
using Karmada.Client.Controllers;
using Karmada.Client.Informers;
using Karmada.Client.Queues;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using ClusterV1Alpha1 = Karmada.Api.Cluster.V1Alpha1;

namespace Karmada.Scheduler.Service;

/// <summary>
/// One term of karmada-scheduler: event handlers on the ResourceBinding, ClusterResourceBinding and Cluster informers
/// feed a rate-limited queue of binding keys that <see cref="SchedulingReconciler"/> workers drain. Bindings are
/// queued when created or when their spec changes (a new generation), never for status updates; cluster changes
/// queue the bindings whose active affinity matches the cluster. Handlers are registered on start (the informers
/// replay their caches as adds) and removed on stop, so a leader-gated scheduler can run again in a later term.
/// </summary>
public sealed class SchedulerHostedService : IHostedService, IAsyncDisposable
{
    /// <summary>The controller's name in logs and metrics.</summary>
    public const string Name = "scheduler";

    private readonly SharedInformer<ResourceBinding> _bindings;
    private readonly SharedInformer<ClusterResourceBinding> _clusterBindings;
    private readonly SharedInformer<ClusterV1Alpha1.Cluster> _clusters;
    private readonly string _schedulerName;
    private readonly WorkQueue<ObjectKey> _queue;
    private readonly Controller<ObjectKey> _controller;
    private readonly SchedulingEventRecorder _events;
    private readonly List<IDisposable> _registrations = [];
    private bool _replayingClusters;

    public SchedulerHostedService(
        KubeApiClient client,
        InformerFactory informers,
        SchedulerServiceOptions options,
        TimeProvider timeProvider,
        ILoggerFactory loggerFactory)
    {
        ArgumentNullException.ThrowIfNull(client);
        ArgumentNullException.ThrowIfNull(informers);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(timeProvider);
        ArgumentNullException.ThrowIfNull(loggerFactory);
        options.Validate();
        _bindings = ResourceBindingInformer(informers);
        _clusterBindings = ClusterResourceBindingInformer(informers);
        _clusters = ClusterInformer(informers);
        _schedulerName = options.SchedulerName;
        _events = new SchedulingEventRecorder(client, options.SchedulerName, timeProvider, loggerFactory.CreateLogger<SchedulingEventRecorder>());
        var scheduler = new GenericScheduler(
            new Framework.SchedulingFramework(Framework.Plugins.InTreePlugins.CreateRegistry().Filter(options.Plugins)),
            [new Estimation.GeneralEstimator()]);
        var reconciler = new SchedulingReconciler(
            _bindings, _clusterBindings, _clusters, scheduler, options, new BindingWriter(client, loggerFactory.CreateLogger<BindingWriter>()), _events, timeProvider,
            loggerFactory.CreateLogger<SchedulingReconciler>());

        // API errors (conflicts, unreachable server) back off per binding; no global bucket, so one failing binding
        // cannot slow the others. Scheduling failures are requeued by the reconciler itself.
        _queue = new WorkQueue<ObjectKey>(
            Name, new ItemExponentialFailureRateLimiter<ObjectKey>(TimeSpan.FromMilliseconds(100), options.MaxRetryDelay), timeProvider);
        _controller = new Controller<ObjectKey>(
            Name,
            reconciler,
            _queue,
            Options.Create(new ControllerOptions { Workers = options.Workers }),
            loggerFactory.CreateLogger<Controller<ObjectKey>>(),
            [_bindings, _clusterBindings, _clusters],
            timeProvider);
    }

    /// <summary>The queue of binding keys (namespace null for ClusterResourceBindings).</summary>
    public WorkQueue<ObjectKey> Queue => _queue;

    /// <summary>The process-wide ResourceBinding informer.</summary>
    public static SharedInformer<ResourceBinding> ResourceBindingInformer(InformerFactory informers)
    {
        ArgumentNullException.ThrowIfNull(informers);
        return informers.GetInformer(SchedulerResources.ResourceBindings, SchedulerResources.ResourceBindingType, SchedulerResources.ResourceBindingAccessor);
    }

    /// <summary>The process-wide ClusterResourceBinding informer.</summary>
    public static SharedInformer<ClusterResourceBinding> ClusterResourceBindingInformer(InformerFactory informers)
    {
        ArgumentNullException.ThrowIfNull(informers);
        return informers.GetInformer(SchedulerResources.ClusterResourceBindings, SchedulerResources.ClusterResourceBindingType, SchedulerResources.ClusterResourceBindingAccessor);
    }

    /// <summary>The process-wide Cluster informer (the same one the controllers use).</summary>
    public static SharedInformer<ClusterV1Alpha1.Cluster> ClusterInformer(InformerFactory informers)
    {
        ArgumentNullException.ThrowIfNull(informers);
        return informers.GetInformer(SchedulerResources.Clusters, SchedulerResources.ClusterType, SchedulerResources.ClusterAccessor);
    }

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        _events.Start();
        _registrations.Add(_bindings.AddEventHandler(
            onAdd: b => OnBindingAdd(SchedulableBinding.Of(b)),
            onUpdate: (old, b) => OnBindingUpdate(old.Metadata, SchedulableBinding.Of(b))));
        _registrations.Add(_clusterBindings.AddEventHandler(
            onAdd: b => OnBindingAdd(SchedulableBinding.Of(b)),
            onUpdate: (old, b) => OnBindingUpdate(old.Metadata, SchedulableBinding.Of(b))));

        // The replayed cache is not news: every binding is queued on its own add anyway.
        _replayingClusters = true;
        _registrations.Add(_clusters.AddEventHandler(
            onAdd: OnClusterAdd,
            onUpdate: OnClusterUpdate,
            onDelete: EnqueueAffectedBindings));
        _replayingClusters = false;
        await _controller.StartAsync(cancellationToken).ConfigureAwait(false);
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        foreach (var registration in _registrations)
        {
            registration.Dispose();
        }

        _registrations.Clear();
        await _controller.StopAsync(cancellationToken).ConfigureAwait(false);
        await _events.StopAsync(cancellationToken).ConfigureAwait(false);
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var registration in _registrations)
        {
            registration.Dispose();
        }

        _registrations.Clear();
        _controller.Dispose();
        _queue.Dispose();
        await _events.DisposeAsync().ConfigureAwait(false);
    }

    private void OnBindingAdd(SchedulableBinding binding)
    {
        if (BindingEventFilter.IsResponsible(_schedulerName, binding.Metadata, binding.Spec))
        {
            _queue.Add(binding.Key);
        }
    }

    private void OnBindingUpdate(ObjectMeta oldMetadata, SchedulableBinding binding)
    {
        if (BindingEventFilter.IsSpecChange(oldMetadata, binding.Metadata) && BindingEventFilter.IsResponsible(_schedulerName, binding.Metadata, binding.Spec))
        {
            _queue.Add(binding.Key);
        }
    }

    private void OnClusterAdd(ClusterV1Alpha1.Cluster cluster)
    {
        // Clusters of the initial list are not news either: the informer reports synced only after delivering them.
        if (!_replayingClusters && _clusters.HasSynced)
        {
            EnqueueAffectedBindings(cluster);
        }
    }

    private void OnClusterUpdate(ClusterV1Alpha1.Cluster oldCluster, ClusterV1Alpha1.Cluster cluster)
    {
        if (ClusterEventFilter.AffectsScheduling(oldCluster, cluster))
        {
            EnqueueAffectedBindings(oldCluster);
            EnqueueAffectedBindings(cluster);
        }
    }

    private void EnqueueAffectedBindings(ClusterV1Alpha1.Cluster cluster)
    {
        foreach (var binding in _bindings.Indexer.List())
        {
            EnqueueIfAffected(SchedulableBinding.Of(binding), cluster);
        }

        foreach (var binding in _clusterBindings.Indexer.List())
        {
            EnqueueIfAffected(SchedulableBinding.Of(binding), cluster);
        }
    }

    private void EnqueueIfAffected(SchedulableBinding binding, ClusterV1Alpha1.Cluster cluster)
    {
        if (BindingEventFilter.IsResponsible(_schedulerName, binding.Metadata, binding.Spec)
            && ClusterEventFilter.AffectsBinding(binding.Metadata, binding.Spec, binding.Status, cluster))
        {
            _queue.Add(binding.Key);
        }
    }
}
