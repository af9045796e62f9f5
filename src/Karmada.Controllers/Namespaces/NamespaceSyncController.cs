using System.Text.Json.Nodes;
using Karmada.Api.WellKnown;
using Karmada.Client;
using Karmada.Client.Controllers;
using Karmada.Client.Informers;
using Karmada.Controllers.Binding;
using Microsoft.Extensions.Logging;
using ClusterV1Alpha1 = Karmada.Api.Cluster.V1Alpha1;
using PolicyV1Alpha1 = Karmada.Api.Policy.V1Alpha1;
using WorkV1Alpha1 = Karmada.Api.Work.V1Alpha1;

namespace Karmada.Controllers.Namespaces;

/// <summary>
/// The <c>namespace</c> controller (upstream <c>namespace-sync-controller</c>): every control-plane namespace that
/// <see cref="NamespaceSyncRules"/> lets through gets one Work per Cluster, without any policy, so members have the
/// namespaces templates are propagated into. Works are written only when they differ; a deleted namespace's Works go
/// with it through their owner reference.
/// </summary>
public sealed partial class NamespaceSyncController : IReconciler<ObjectKey>
{
    /// <summary>The controller's name in <c>--controllers</c>.</summary>
    public const string Name = "namespace";

    /// <summary>Upstream's controller name, used for the queue, logs and metrics.</summary>
    public const string ControllerName = "namespace-sync-controller";

    private readonly KubeApiClient _client;
    private readonly SharedInformer<JsonObject> _namespaces;
    private readonly SharedInformer<ClusterV1Alpha1.Cluster> _clusters;
    private readonly SharedInformer<PolicyV1Alpha1.ClusterOverridePolicy> _clusterOverridePolicies;
    private readonly SharedInformer<WorkV1Alpha1.Work> _works;
    private readonly ILogger _logger;

    public NamespaceSyncController(
        KubeApiClient client,
        SharedInformer<JsonObject> namespaces,
        SharedInformer<ClusterV1Alpha1.Cluster> clusters,
        SharedInformer<PolicyV1Alpha1.ClusterOverridePolicy> clusterOverridePolicies,
        SharedInformer<WorkV1Alpha1.Work> works,
        ILogger<NamespaceSyncController> logger)
    {
        _client = client;
        _namespaces = namespaces;
        _clusters = clusters;
        _clusterOverridePolicies = clusterOverridePolicies;
        _works = works;
        _logger = logger;
    }

    public async Task<ReconcileResult> ReconcileAsync(ObjectKey key, CancellationToken cancellationToken)
    {
        if (!NamespaceSyncRules.ShouldBeSynced(key.Name))
        {
            return ReconcileResult.Done;
        }

        // Gone or terminating: the Works are owned by the namespace, garbage collection removes them.
        var ns = _namespaces.Indexer.Get(key);
        if (ns is null || ns["metadata"]?["deletionTimestamp"] is not null)
        {
            return ReconcileResult.Done;
        }

        if (NamespaceSyncRules.SkipsAutoPropagation(ns))
        {
            return ReconcileResult.Done;
        }

        var policies = _clusterOverridePolicies.Indexer.List();
        var failures = new List<Exception>();
        foreach (var cluster in _clusters.Indexer.List())
        {
            try
            {
                await SyncWorkAsync(ns, cluster, policies, cancellationToken);
            }
            catch (Exception ex) when (ex is ApiException or Policy.Overrides.OverrideException or InvalidOperationException)
            {
                LogSyncFailed(_logger, key.Name, cluster.Metadata.Name ?? "", ex);
                failures.Add(ex);
            }
        }

        return failures.Count == 0
            ? ReconcileResult.Done
            : throw new AggregateException($"sync namespace({key.Name}) failed for {failures.Count} cluster(s)", failures);
    }

    private async Task SyncWorkAsync(JsonObject ns, ClusterV1Alpha1.Cluster cluster, IReadOnlyList<PolicyV1Alpha1.ClusterOverridePolicy> policies, CancellationToken cancellationToken)
    {
        var name = JsonObjectMeta.GetName(ns)!;
        var workNamespace = ReservedNamespaces.ExecutionSpace(cluster.Metadata.Name!);
        var existing = _works.Indexer.Get(new ObjectKey(workNamespace, NamespaceWorkBuilder.WorkName(name)));
        if (existing?.Metadata.DeletionTimestamp is not null)
        {
            throw new InvalidOperationException($"work {workNamespace}/{existing.Metadata.Name} is being deleted");
        }

        var permanentId = existing?.Metadata.Labels.GetValueOrDefault(WellKnownLabels.WorkPermanentId) is { Length: > 0 } id ? id : Guid.NewGuid().ToString();
        var desired = NamespaceWorkBuilder.Build(ns, cluster, policies, permanentId);
        if (existing is null)
        {
            try
            {
                await _client.CreateAsync(BindingResources.Works, workNamespace, desired, BindingResources.WorkType, cancellationToken: cancellationToken);
                LogWorkCreated(_logger, name, cluster.Metadata.Name!);
            }
            catch (ApiException ex) when (ex.IsAlreadyExists())
            {
                // Our cache is behind; the Work's add event is on its way and the next reconcile compares it.
                throw new InvalidOperationException($"work {workNamespace}/{desired.Metadata.Name} exists but is not cached yet", ex);
            }

            return;
        }

        if (WorkComparer.IsUpToDate(existing, desired))
        {
            return;
        }

        // Optimistic concurrency on the cached resourceVersion: a conflict requeues with the fresh Work.
        var merged = WorkComparer.Merge(existing, desired);
        await _client.UpdateAsync(BindingResources.Works, workNamespace, existing.Metadata.Name!, merged, BindingResources.WorkType, cancellationToken: cancellationToken);
        LogWorkUpdated(_logger, name, cluster.Metadata.Name!);
    }

    // Event ids 4650-4699: namespace sync controller. Next free id: 4653.
    [LoggerMessage(4650, LogLevel.Information, "Created the Work of namespace {Namespace} for cluster {Cluster}")]
    private static partial void LogWorkCreated(ILogger logger, string @namespace, string cluster);

    [LoggerMessage(4651, LogLevel.Information, "Updated the Work of namespace {Namespace} for cluster {Cluster}")]
    private static partial void LogWorkUpdated(ILogger logger, string @namespace, string cluster);

    [LoggerMessage(4652, LogLevel.Warning, "Failed to sync namespace {Namespace} to cluster {Cluster}")]
    private static partial void LogSyncFailed(ILogger logger, string @namespace, string cluster, Exception exception);
}
