using Karmada.Client;
using Karmada.Client.Controllers;
using Karmada.Client.Informers;
using Karmada.Client.Queues;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using ClusterV1Alpha1 = Karmada.Api.Cluster.V1Alpha1;
using WorkV1Alpha1 = Karmada.Api.Work.V1Alpha1;

namespace Karmada.Controllers.Execution;

/// <summary>
/// Runs a Work reconciler keyed by Work: the Work informer enqueues the Work (not for status-only writes), a Cluster whose Ready condition changes
/// enqueues every Work of its execution namespace, and member-object events reach the same queue through the
/// reconciler's <see cref="MemberObjectWatches"/> (removed when the service stops).
/// </summary>
public sealed class WorkReconcilerHostedService : IHostedService, IDisposable
{
    private readonly SharedInformer<WorkV1Alpha1.Work> _works;
    private readonly SharedInformer<ClusterV1Alpha1.Cluster> _clusters;
    private readonly WorkQueue<ObjectKey> _queue;
    private readonly MemberObjectWatches _memberWatches;
    private readonly Controller<ObjectKey> _controller;
    private readonly List<IDisposable> _registrations = [];

    public WorkReconcilerHostedService(
        string name,
        IReconciler<ObjectKey> reconciler,
        WorkQueue<ObjectKey> queue,
        SharedInformer<WorkV1Alpha1.Work> works,
        SharedInformer<ClusterV1Alpha1.Cluster> clusters,
        MemberObjectWatches memberWatches,
        int workers,
        TimeProvider timeProvider,
        ILoggerFactory loggerFactory)
    {
        ArgumentNullException.ThrowIfNull(loggerFactory);
        Name = name;
        _works = works;
        _clusters = clusters;
        _queue = queue;
        _memberWatches = memberWatches;
        WorkNamespaceIndex.EnsureAdded(works.Indexer);
        _controller = new Controller<ObjectKey>(
            name,
            reconciler,
            queue,
            Options.Create(new ControllerOptions { Workers = workers }),
            loggerFactory.CreateLogger<Controller<ObjectKey>>(),
            [works, clusters],
            timeProvider);
    }

    public string Name { get; }

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        _registrations.Add(_works.AddEventHandler(
            onAdd: work => _queue.Add(WorkMeta.Accessor.GetKey(work)),
            onUpdate: (old, work) =>
            {
                if (SpecOrLifecycleChanged(old, work))
                {
                    _queue.Add(WorkMeta.Accessor.GetKey(work));
                }
            },
            onDelete: work => _queue.Add(WorkMeta.Accessor.GetKey(work))));
        _registrations.Add(_clusters.AddEventHandler(
            onUpdate: (old, cluster) =>
            {
                if (IsReady(old) != IsReady(cluster))
                {
                    EnqueueWorksOf(cluster.Metadata.Name);
                }
            },
            onDelete: cluster => EnqueueWorksOf(cluster.Metadata.Name)));
        await _controller.StartAsync(cancellationToken);
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        foreach (var registration in _registrations)
        {
            registration.Dispose();
        }

        _registrations.Clear();
        _memberWatches.Dispose();
        await _controller.StopAsync(cancellationToken);
    }

    public void Dispose()
    {
        foreach (var registration in _registrations)
        {
            registration.Dispose();
        }

        _memberWatches.Dispose();
        _controller.Dispose();
        _queue.Dispose();
    }

    /// <summary>Whether a Cluster's Ready condition is True (upstream <c>util.IsClusterReady</c>).</summary>
    public static bool IsReady(ClusterV1Alpha1.Cluster cluster)
    {
        ArgumentNullException.ThrowIfNull(cluster);
        return cluster.Status.Conditions.Exists(c => c.Type == ClusterV1Alpha1.ClusterConditionTypes.Ready && c.Status == Api.Meta.ConditionStatus.True);
    }

    /// <summary>
    /// Upstream's <c>GenerationChangedPredicate</c>, plus deletion and finalizer changes: the status writes of the Work
    /// controllers themselves do not wake them again, nor does the execution controller's adding of its finalizer
    /// (the reconcile that added it goes on to apply the Work; waking it again cost a second reconcile per Work).
    /// </summary>
    public static bool SpecOrLifecycleChanged(WorkV1Alpha1.Work old, WorkV1Alpha1.Work current)
    {
        ArgumentNullException.ThrowIfNull(old);
        ArgumentNullException.ThrowIfNull(current);
        return old.Metadata.Generation != current.Metadata.Generation
            || (old.Metadata.DeletionTimestamp is null) != (current.Metadata.DeletionTimestamp is null)
            || (!old.Metadata.Finalizers.SequenceEqual(current.Metadata.Finalizers, StringComparer.Ordinal) && !OnlyExecutionFinalizerAdded(old, current));
    }

    private static bool OnlyExecutionFinalizerAdded(WorkV1Alpha1.Work old, WorkV1Alpha1.Work current) =>
        current.Metadata.DeletionTimestamp is null
        && !old.Metadata.Finalizers.Contains(Api.WellKnown.WellKnownFinalizers.ExecutionController)
        && current.Metadata.Finalizers.Count == old.Metadata.Finalizers.Count + 1
        && current.Metadata.Finalizers.Where(f => f != Api.WellKnown.WellKnownFinalizers.ExecutionController).SequenceEqual(old.Metadata.Finalizers, StringComparer.Ordinal);

    private void EnqueueWorksOf(string? clusterName)
    {
        if (string.IsNullOrEmpty(clusterName))
        {
            return;
        }

        foreach (var work in WorkNamespaceIndex.In(_works.Indexer, Api.WellKnown.ReservedNamespaces.ExecutionSpace(clusterName)))
        {
            _queue.Add(WorkMeta.Accessor.GetKey(work));
        }
    }
}
