using System.Text.Json.Nodes;
using Karmada.Api.WellKnown;
using Karmada.Client;
using Karmada.Client.Controllers;
using Karmada.Client.Informers;
using Karmada.Controllers.Runtime;
using Microsoft.Extensions.Logging;
using ClusterV1Alpha1 = Karmada.Api.Cluster.V1Alpha1;
using PolicyV1Alpha1 = Karmada.Api.Policy.V1Alpha1;
using WorkV1Alpha1 = Karmada.Api.Work.V1Alpha1;

namespace Karmada.Controllers.Binding;

/// <summary>
/// The reconcile body both binding controllers share (upstream <c>syncBinding</c>): remove the Works of clusters the
/// binding no longer targets, wait while a directly purged cluster still has its Work, fetch the resource template,
/// render the Works and write the ones whose content differs from what is stored. Also the deletion cleanup.
/// </summary>
public sealed partial class BindingWorkSynchronizer
{
    /// <summary>How often a binding waits for the Works on directly purged clusters to go (upstream 5 s).</summary>
    public static readonly TimeSpan DirectPurgeRequeueInterval = TimeSpan.FromSeconds(5);

    /// <summary>Index of the Work informer: the permanent id of the owning binding (either scope).</summary>
    public const string BindingPermanentIdIndex = "binding-permanent-id";

    private static readonly Lock IndexGate = new();

    private readonly KubeApiClient _client;
    private readonly CachedObjectReader _reader;
    private readonly ResourceKindMapper _kinds;
    private readonly WorkRenderer _renderer;
    private readonly SharedInformer<WorkV1Alpha1.Work> _works;
    private readonly SharedInformer<ClusterV1Alpha1.Cluster> _clusters;
    private readonly SharedInformer<PolicyV1Alpha1.OverridePolicy> _overridePolicies;
    private readonly SharedInformer<PolicyV1Alpha1.ClusterOverridePolicy> _clusterOverridePolicies;
    private readonly ILogger _logger;

    // The Works this controller wrote, until the informer shows them: a binding reconciled again within moments of
    // creating its Works (its attached binding's requiredBy growing, a second event) found none cached and tried to
    // create them again, an AlreadyExists answer and a read per Work.
    private readonly MutationCache<WorkV1Alpha1.Work> _written;

    public BindingWorkSynchronizer(
        KubeApiClient client,
        CachedObjectReader reader,
        ResourceKindMapper kinds,
        WorkRenderer renderer,
        SharedInformer<WorkV1Alpha1.Work> works,
        SharedInformer<ClusterV1Alpha1.Cluster> clusters,
        SharedInformer<PolicyV1Alpha1.OverridePolicy> overridePolicies,
        SharedInformer<PolicyV1Alpha1.ClusterOverridePolicy> clusterOverridePolicies,
        ILogger<BindingWorkSynchronizer> logger,
        TimeProvider? timeProvider = null)
    {
        _client = client;
        _reader = reader;
        _kinds = kinds;
        _renderer = renderer;
        _works = works;
        _clusters = clusters;
        _overridePolicies = overridePolicies;
        _clusterOverridePolicies = clusterOverridePolicies;
        _logger = logger;
        _written = new MutationCache<WorkV1Alpha1.Work>(w => w.Metadata.ResourceVersion, w => w.Metadata.Uid, timeProvider);
        EnsureWorkIndex(works);
    }

    /// <summary>Brings the binding's Works in line with the binding; see the type summary.</summary>
    public async Task<ReconcileResult> SyncAsync(BindingView binding, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(binding);
        if (string.IsNullOrEmpty(binding.PermanentId))
        {
            // Admission assigns it on create; without it the binding's Works could not be found again.
            throw new InvalidOperationException($"binding {binding.Key} has no {binding.PermanentIdLabel} label yet");
        }

        var works = WorksOf(binding.PermanentId);
        var keep = TargetClusters.Existing(binding.Spec);
        foreach (var work in works)
        {
            var cluster = ReservedNamespaces.ClusterOfExecutionSpace(work.Metadata.Namespace);
            if (cluster is not null && !keep.Contains(cluster) && work.Metadata.DeletionTimestamp is null)
            {
                await DeleteWorkAsync(work, cancellationToken);
                LogOrphanRemoved(_logger, work.Metadata.Namespace!, work.Metadata.Name!, binding.Key.ToString());
            }
        }

        // With purge mode Directly the old copy must be gone before the new one may start.
        var purged = TargetClusters.PurgedDirectly(binding.Spec);
        if (purged.Count > 0 && works.Any(w => ReservedNamespaces.ClusterOfExecutionSpace(w.Metadata.Namespace) is { } c && purged.Contains(c)))
        {
            return ReconcileResult.After(DirectPurgeRequeueInterval);
        }

        var template = await FetchTemplateAsync(binding, cancellationToken);
        if (template is null)
        {
            // The template is gone; garbage collection removes the binding next.
            return ReconcileResult.Done;
        }

        var rendered = _renderer.Render(
            binding,
            template,
            _clusters.Indexer.List().Where(c => c.Metadata.Name is not null).ToDictionary(c => c.Metadata.Name!, StringComparer.Ordinal),
            _overridePolicies.Indexer.List(),
            _clusterOverridePolicies.Indexer.List());
        var failures = rendered.Failures.Select(f => $"{f.Cluster}: {f.Reason}").ToList();

        // The Works of different clusters are independent: written concurrently, a binding's fan-out costs one round trip.
        var written = await Task.WhenAll(rendered.Works.Select(async desired =>
        {
            try
            {
                await WriteAsync(desired, cancellationToken);
                return null;
            }
            catch (ApiException ex) when (!ex.IsConflict())
            {
                return $"{desired.Cluster}: {ex.Message}";
            }
        }));
        failures.AddRange(written.OfType<string>());

        if (failures.Count > 0)
        {
            throw new WorkRenderException($"failed to sync Works of binding {binding.Key}: {string.Join("; ", failures)}");
        }

        return ReconcileResult.Done;
    }

    /// <summary>Deletes every Work of the binding, found on the API server (not the cache) so none is missed.</summary>
    public async Task DeleteWorksAsync(BindingView binding, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(binding);
        if (string.IsNullOrEmpty(binding.PermanentId))
        {
            return;
        }

        var works = await _client.ListAsync(
            BindingResources.Works, null, BindingResources.WorkType, new ListOptions { LabelSelector = $"{binding.PermanentIdLabel}={binding.PermanentId}" }, cancellationToken);
        foreach (var work in works.Items.Where(w => w.Metadata.DeletionTimestamp is null))
        {
            await DeleteWorkAsync(work, cancellationToken);
        }
    }

    private List<WorkV1Alpha1.Work> WorksOf(string permanentId) => [.. _works.Indexer.ByIndex(BindingPermanentIdIndex, permanentId)];

    private async Task<JsonObject?> FetchTemplateAsync(BindingView binding, CancellationToken cancellationToken)
    {
        var reference = binding.Spec.Resource;
        var resource = await _kinds.ResolveAsync(reference.ApiVersion, reference.Kind, cancellationToken);

        // Not older than the version the detector recorded in the binding, so a template change is never rendered stale.
        return await _reader.GetAsync(resource, reference.Namespace, reference.Name, reference.ResourceVersion, cancellationToken);
    }

    private async Task WriteAsync(DesiredWork desired, CancellationToken cancellationToken)
    {
        var key = new ObjectKey(desired.Namespace, desired.Name);
        var existing = _written.Resolve(key, _works.Indexer.Get(key));
        if (existing is null)
        {
            try
            {
                var created = await _client.CreateAsync(BindingResources.Works, desired.Namespace, desired.ToWork(Guid.NewGuid().ToString()), BindingResources.WorkType, cancellationToken: cancellationToken);
                _written.Record(key, created);
                LogWorkCreated(_logger, desired.Namespace, desired.Name);
                return;
            }
            catch (ApiException ex) when (ex.IsAlreadyExists())
            {
                // The cache has not seen it yet: compare against the stored one.
                existing = await _client.GetAsync(BindingResources.Works, desired.Namespace, desired.Name, BindingResources.WorkType, cancellationToken);
            }
        }

        if (existing.Metadata.DeletionTimestamp is not null)
        {
            throw new WorkRenderException($"Work {desired.Namespace}/{desired.Name} is being deleted");
        }

        var permanentId = existing.Metadata.Labels.GetValueOrDefault(WellKnownLabels.WorkPermanentId) is { Length: > 0 } id ? id : Guid.NewGuid().ToString();
        var work = desired.ToWork(permanentId);
        if (WorkComparer.IsUpToDate(existing, work))
        {
            return;
        }

        // A stale cache answers with Conflict, which requeues the binding with the fresh Work.
        _written.Record(key, await _client.UpdateAsync(BindingResources.Works, desired.Namespace, desired.Name, WorkComparer.Merge(existing, work), BindingResources.WorkType, cancellationToken: cancellationToken));
        LogWorkUpdated(_logger, desired.Namespace, desired.Name);
    }

    private async Task DeleteWorkAsync(WorkV1Alpha1.Work work, CancellationToken cancellationToken)
    {
        _written.Forget(new ObjectKey(work.Metadata.Namespace, work.Metadata.Name!));
        try
        {
            await _client.DeleteAsync(BindingResources.Works, work.Metadata.Namespace, work.Metadata.Name!, cancellationToken: cancellationToken);
        }
        catch (ApiException ex) when (ex.IsNotFound())
        {
            // Already gone.
        }
    }

    private static void EnsureWorkIndex(SharedInformer<WorkV1Alpha1.Work> works)
    {
        lock (IndexGate)
        {
            if (!works.Indexer.HasIndex(BindingPermanentIdIndex))
            {
                works.Indexer.AddIndex(BindingPermanentIdIndex, BindingPermanentIds);
            }
        }
    }

    private static IEnumerable<string> BindingPermanentIds(WorkV1Alpha1.Work work)
    {
        foreach (var label in new[] { WellKnownLabels.ResourceBindingPermanentId, WellKnownLabels.ClusterResourceBindingPermanentId })
        {
            if (work.Metadata.Labels.GetValueOrDefault(label) is { Length: > 0 } id)
            {
                yield return id;
            }
        }
    }

    // Event ids 4450-4499: binding controllers. Next free id: 4456.
    [LoggerMessage(4450, LogLevel.Information, "Created Work {Namespace}/{Name}")]
    private static partial void LogWorkCreated(ILogger logger, string @namespace, string name);

    [LoggerMessage(4451, LogLevel.Information, "Updated Work {Namespace}/{Name}")]
    private static partial void LogWorkUpdated(ILogger logger, string @namespace, string name);

    [LoggerMessage(4452, LogLevel.Information, "Deleted orphan Work {Namespace}/{Name} of binding {Binding}")]
    private static partial void LogOrphanRemoved(ILogger logger, string @namespace, string name, string binding);
}
