using Karmada.Api;
using Karmada.Client;
using Karmada.Client.Controllers;
using Karmada.Client.Informers;
using Karmada.Controllers.BindingStatus;
using Karmada.Scheduler.Taints;
using Microsoft.Extensions.Logging;
using ClusterV1Alpha1 = Karmada.Api.Cluster.V1Alpha1;

namespace Karmada.Controllers.Eviction;

/// <summary>
/// The NoExecute taint manager for one binding kind (upstream <c>NoExecuteTaintManager</c>): a binding scheduled to a
/// cluster with a NoExecute taint its applied placement does not tolerate leaves that cluster, as a graceful eviction
/// task (producer TaintManager, reason TaintUntolerated) with the purge mode of its failover settings; while a
/// toleration period runs, the binding is looked at again when it ends. Keyed by binding rather than by
/// (cluster, binding): one write evicts every cluster that must go.
/// </summary>
public sealed partial class TaintManagerController<TBinding> : IReconciler<ObjectKey> where TBinding : class
{
    private readonly BindingKind<TBinding> _kind;
    private readonly KubeApiClient _client;
    private readonly SharedInformer<TBinding> _bindings;
    private readonly SharedInformer<ClusterV1Alpha1.Cluster> _clusters;
    private readonly EvictionOptions _options;
    private readonly TimeProvider _timeProvider;
    private readonly ILogger _logger;

    public TaintManagerController(
        BindingKind<TBinding> kind,
        KubeApiClient client,
        SharedInformer<TBinding> bindings,
        SharedInformer<ClusterV1Alpha1.Cluster> clusters,
        EvictionOptions options,
        TimeProvider timeProvider,
        ILogger<TaintManagerController<TBinding>> logger)
    {
        _kind = kind;
        _client = client;
        _bindings = bindings;
        _clusters = clusters;
        _options = options;
        _timeProvider = timeProvider;
        _logger = logger;
    }

    public async Task<ReconcileResult> ReconcileAsync(ObjectKey key, CancellationToken cancellationToken)
    {
        var cached = _bindings.Indexer.Get(key);
        if (!_options.EnableNoExecuteTaintEviction || cached is null || _kind.Metadata(cached).DeletionTimestamp is not null)
        {
            return ReconcileResult.Done;
        }

        // Not scheduled by the default scheduler yet: nothing to evict, and the scheduler's write enqueues the binding.
        if (NoExecuteTaintEviction.AppliedPlacement(_kind.Metadata(cached)) is not { } placement)
        {
            return ReconcileResult.Done;
        }

        var now = _timeProvider.GetUtcNow();
        var evict = new List<(string Cluster, string Taint)>();
        TimeSpan? retry = null;
        foreach (var target in _kind.Spec(cached).Clusters)
        {
            if (_clusters.Indexer.Get(new ObjectKey(null, target.Name)) is not { } cluster)
            {
                continue;
            }

            var decision = NoExecuteTaintEviction.Decide(cluster.Spec.Taints, placement.ClusterTolerations, now);
            if (decision.Evict)
            {
                var taints = TaintTolerations.GetNoExecuteTaints(cluster.Spec.Taints).Select(TaintTolerations.Format);
                evict.Add((target.Name, string.Join(",", taints)));
            }
            else if (decision.RetryAfter is { } after)
            {
                retry = retry is null || after < retry ? after : retry;
            }
        }

        if (evict.Count > 0)
        {
            var binding = cached.DeepClone();
            var spec = _kind.Spec(binding);
            var purgeMode = NoExecuteTaintEviction.PurgeModeFor(spec.Failover, _options.NoExecuteTaintEvictionPurgeMode);
            foreach (var (cluster, taints) in evict)
            {
                NoExecuteTaintEviction.EvictCluster(spec, cluster, purgeMode, $"Evicted from cluster {cluster}: taint(s) {taints} not tolerated");
            }

            // Optimistic concurrency on the cached resourceVersion: a conflict requeues with the fresh binding.
            await _client.UpdateAsync(_kind.Resource, key.Namespace, key.Name, binding, _kind.TypeInfo, cancellationToken: cancellationToken);
            foreach (var (cluster, taints) in evict)
            {
                LogEvicted(_logger, key.ToString(), cluster, taints, purgeMode.ToString());
            }
        }

        return retry is { } wait ? new ReconcileResult(wait) : ReconcileResult.Done;
    }

    // Event ids 4320-4339: taint manager. Next free id: 4321.
    [LoggerMessage(4320, LogLevel.Information, "Evicted binding {Binding} from cluster {Cluster} (NoExecute taints [{Taints}] not tolerated, purge mode {PurgeMode})")]
    private static partial void LogEvicted(ILogger logger, string binding, string cluster, string taints, string purgeMode);
}
