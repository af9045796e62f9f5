using System.Text.Json.Nodes;
using Karmada.Api;
using Karmada.Api.WellKnown;
using Karmada.Client;
using Karmada.Client.Controllers;
using Karmada.Client.Informers;
using Karmada.Controllers.Members;
using Karmada.Controllers.Runtime;
using Microsoft.Extensions.Logging;
using ClusterV1Alpha1 = Karmada.Api.Cluster.V1Alpha1;

namespace Karmada.Controllers.Cluster;

/// <summary>
/// The <c>cluster</c> controller: gives each Cluster its execution namespace <c>karmada-es-&lt;name&gt;</c> and the
/// <c>karmada.io/cluster-controller</c> finalizer, keeps the NoSchedule taints in step with the Ready condition, and on
/// deletion removes the execution namespace, then the finalizer once the namespace is gone. Pull clusters, whose agent
/// posts their status, are looked at every <c>--cluster-monitor-period</c>: a cluster whose agent went silent (no
/// Ready change, no Lease renewal) past the grace period turns Ready=Unknown (<see cref="ClusterHealthMonitor"/>).
/// </summary>
public sealed partial class ClusterController : IReconciler<ObjectKey>
{
    /// <summary>The controller's name in <c>--controllers</c>.</summary>
    public const string Name = "cluster";

    /// <summary>How often a deleting Cluster checks whether its execution namespace is gone.</summary>
    internal static readonly TimeSpan NamespaceGonePollInterval = TimeSpan.FromSeconds(1);

    private readonly KubeApiClient _client;
    private readonly SharedInformer<ClusterV1Alpha1.Cluster> _clusters;
    private readonly SharedInformer<JsonObject> _namespaces;

    // Execution namespaces this controller created until the namespace cache shows them: the Cluster's own status
    // writes reconcile it again at once, and the cache may not have the namespace yet.
    private readonly MutationCache<JsonObject> _createdSpaces = new(JsonObjectMeta.GetResourceVersion, JsonObjectMeta.GetUid);
    private readonly IMemberClusterClients _memberClients;
    private readonly ClusterHealthMonitor _healthMonitor;
    private readonly TimeSpan _monitorPeriod;
    private readonly TimeProvider _timeProvider;
    private readonly ILogger _logger;

    public ClusterController(
        KubeApiClient client,
        SharedInformer<ClusterV1Alpha1.Cluster> clusters,
        SharedInformer<JsonObject> namespaces,
        IMemberClusterClients memberClients,
        ClusterHealthMonitor healthMonitor,
        TimeSpan monitorPeriod,
        TimeProvider timeProvider,
        ILogger<ClusterController> logger)
    {
        _client = client;
        _clusters = clusters;
        _namespaces = namespaces;
        _memberClients = memberClients;
        _healthMonitor = healthMonitor;
        _monitorPeriod = monitorPeriod;
        _timeProvider = timeProvider;
        _logger = logger;
    }

    public async Task<ReconcileResult> ReconcileAsync(ObjectKey key, CancellationToken cancellationToken)
    {
        var cached = _clusters.Indexer.Get(key);
        if (cached is null)
        {
            _memberClients.Remove(key.Name);
            _healthMonitor.Forget(key.Name);
            return ReconcileResult.Done;
        }

        var executionSpace = ReservedNamespaces.ExecutionSpace(key.Name);
        if (cached.Metadata.DeletionTimestamp is not null)
        {
            return await FinalizeAsync(cached, executionSpace, cancellationToken);
        }

        await EnsureExecutionSpaceAsync(executionSpace, cancellationToken);

        var pull = cached.Spec.SyncMode == ClusterV1Alpha1.ClusterSyncMode.Pull;
        if (pull)
        {
            cached = await MonitorHealthAsync(cached, cancellationToken);
        }
        else
        {
            _healthMonitor.Forget(key.Name);
        }

        var cluster = cached.DeepClone();
        var changed = false;
        if (!cluster.Metadata.Finalizers.Contains(WellKnownFinalizers.ClusterController))
        {
            cluster.Metadata.Finalizers.Add(WellKnownFinalizers.ClusterController);
            changed = true;
        }

        var ready = cluster.Status.Conditions.Find(c => c.Type == ClusterV1Alpha1.ClusterConditionTypes.Ready);
        if (ClusterTaints.SyncWithReadyCondition(cluster.Spec.Taints, ready))
        {
            LogTaintsChanged(_logger, key.Name, ready?.Status.ToString() ?? "", string.Join(",", cluster.Spec.Taints.Select(t => $"{t.Key}:{t.Effect}")));
            changed = true;
        }

        if (changed)
        {
            // Optimistic concurrency on the cached resourceVersion: a conflict requeues with the fresh object.
            await _client.UpdateAsync(ResourceRefs.Clusters, null, key.Name, cluster, ClusterMeta.TypeInfo, cancellationToken: cancellationToken);
        }

        return pull ? new ReconcileResult(_monitorPeriod) : ReconcileResult.Done;
    }

    /// <summary>Marks a silent Pull cluster Ready=Unknown; returns the Cluster as it now is.</summary>
    private async Task<ClusterV1Alpha1.Cluster> MonitorHealthAsync(ClusterV1Alpha1.Cluster cached, CancellationToken cancellationToken)
    {
        var name = cached.Metadata.Name!;
        var now = _timeProvider.GetUtcNow();
        var unknown = _healthMonitor.Observe(cached, await LeaseRenewTimeAsync(name, cancellationToken), now);
        if (unknown is null)
        {
            return cached;
        }

        var cluster = cached.DeepClone();
        if (!Status.ConditionSetter.Set(cluster.Status.Conditions, unknown, now))
        {
            return cached;
        }

        LogClusterSilent(_logger, name, unknown.Reason);
        return await _client.UpdateStatusAsync(ResourceRefs.Clusters, null, name, cluster, ClusterMeta.TypeInfo, cancellationToken: cancellationToken);
    }

    private async Task<DateTimeOffset?> LeaseRenewTimeAsync(string clusterName, CancellationToken cancellationToken)
    {
        try
        {
            var lease = await _client.GetAsync(ResourceRef.Leases, ReservedNamespaces.KarmadaCluster, clusterName, cancellationToken);
            return MicroTime.TryParse(lease["spec"]?["renewTime"]?.GetValue<string>(), out var renewed) ? renewed : null;
        }
        catch (ApiException ex) when (ex.IsNotFound())
        {
            return null;
        }
    }

    /// <summary>
    /// Creates the execution namespace when the namespace cache says it is missing (upstream reads it through its
    /// cached client). Every Cluster status write reconciles the Cluster, and a create answered AlreadyExists each time
    /// cost a request per cluster per status period. Until the cache has synced, the create is simply attempted.
    /// </summary>
    private async Task EnsureExecutionSpaceAsync(string executionSpace, CancellationToken cancellationToken)
    {
        var key = new ObjectKey(null, executionSpace);
        if (_namespaces.HasSynced && _createdSpaces.Resolve(key, _namespaces.Indexer.Get(key)) is not null)
        {
            return;
        }

        var ns = new JsonObject
        {
            ["apiVersion"] = "v1",
            ["kind"] = "Namespace",
            ["metadata"] = new JsonObject
            {
                ["name"] = executionSpace,
                ["labels"] = new JsonObject { [WellKnownLabels.System] = WellKnownLabelValues.True },
            },
        };
        try
        {
            _createdSpaces.Record(key, await _client.CreateAsync(ResourceRef.Namespaces, ns, cancellationToken: cancellationToken));
            LogExecutionSpaceCreated(_logger, executionSpace);
        }
        catch (ApiException ex) when (ex.IsAlreadyExists())
        {
            // Created earlier (or by a previous leader).
        }
    }

    private async Task<ReconcileResult> FinalizeAsync(ClusterV1Alpha1.Cluster cached, string executionSpace, CancellationToken cancellationToken)
    {
        var name = cached.Metadata.Name!;
        _memberClients.Remove(name);
        _createdSpaces.Forget(new ObjectKey(null, executionSpace));
        if (!cached.Metadata.Finalizers.Contains(WellKnownFinalizers.ClusterController))
        {
            return ReconcileResult.Done;
        }

        if (cached.Spec.SyncMode == ClusterV1Alpha1.ClusterSyncMode.Pull && !Execution.WorkReconcilerHostedService.IsReady(cached))
        {
            // No agent to clean the member: let the Works go rather than hold the namespace (and the Cluster) forever.
            await ReleaseWorksAsync(executionSpace, cancellationToken);
        }

        if (await ExistsAsync(executionSpace, cancellationToken))
        {
            try
            {
                await _client.DeleteAsync(ResourceRef.Namespaces, null, executionSpace, cancellationToken: cancellationToken);
                LogExecutionSpaceDeleting(_logger, executionSpace, name);
            }
            catch (ApiException ex) when (ex.IsNotFound())
            {
                // Gone between the check and the delete.
            }

            if (await ExistsAsync(executionSpace, cancellationToken))
            {
                return new ReconcileResult(NamespaceGonePollInterval);
            }
        }

        var cluster = cached.DeepClone();
        cluster.Metadata.Finalizers.Remove(WellKnownFinalizers.ClusterController);
        await _client.UpdateAsync(ResourceRefs.Clusters, null, name, cluster, ClusterMeta.TypeInfo, cancellationToken: cancellationToken);
        LogFinalizerRemoved(_logger, name);
        return ReconcileResult.Done;
    }

    private async Task ReleaseWorksAsync(string executionSpace, CancellationToken cancellationToken)
    {
        var works = await _client.ListAsync(Execution.WorkMeta.Resource, executionSpace, Execution.WorkMeta.TypeInfo, cancellationToken: cancellationToken);
        foreach (var work in works.Items)
        {
            if (work.Metadata.Finalizers.Remove(WellKnownFinalizers.ExecutionController))
            {
                await _client.UpdateAsync(Execution.WorkMeta.Resource, executionSpace, work.Metadata.Name!, work, Execution.WorkMeta.TypeInfo, cancellationToken: cancellationToken);
            }
        }
    }

    private async Task<bool> ExistsAsync(string ns, CancellationToken cancellationToken)
    {
        try
        {
            await _client.GetAsync(ResourceRef.Namespaces, null, ns, cancellationToken);
            return true;
        }
        catch (ApiException ex) when (ex.IsNotFound())
        {
            return false;
        }
    }

    // Event ids 4000-4049: cluster controller. Next free id: 4005.
    [LoggerMessage(4000, LogLevel.Information, "Created execution namespace {Namespace}")]
    private static partial void LogExecutionSpaceCreated(ILogger logger, string @namespace);

    [LoggerMessage(4001, LogLevel.Information, "Deleting execution namespace {Namespace} of cluster {Cluster}")]
    private static partial void LogExecutionSpaceDeleting(ILogger logger, string @namespace, string cluster);

    [LoggerMessage(4002, LogLevel.Information, "Removed finalizer of cluster {Cluster}")]
    private static partial void LogFinalizerRemoved(ILogger logger, string cluster);

    [LoggerMessage(4003, LogLevel.Information, "Cluster {Cluster} is Ready={Ready}; taints now [{Taints}]")]
    private static partial void LogTaintsChanged(ILogger logger, string cluster, string ready, string taints);

    [LoggerMessage(4004, LogLevel.Warning, "Pull cluster {Cluster} has not been heard from within the grace period; Ready=Unknown ({Reason})")]
    private static partial void LogClusterSilent(ILogger logger, string cluster, string reason);
}
