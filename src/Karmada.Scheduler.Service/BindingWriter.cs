using System.Text.Json.Nodes;
using Karmada.Api;
using Karmada.Api.Meta;
using Karmada.Api.WellKnown;
using Karmada.Api.Work.V1Alpha2;
using Karmada.Client;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Karmada.Scheduler.Service;

/// <summary>
/// Writes a <see cref="ScheduleUpdate"/> to the API server. A decision that changes the spec is one merge patch of the
/// <c>scheduling</c> subresource (spec.clusters, the applied-placement annotation and the scheduler's status fields in
/// one storage write, one watch event), guarded by the resourceVersion the decision was made on: a binding changed in
/// the meantime is a conflict and gets rescheduled from fresh data. A status-only update is one patch of
/// <c>/status</c>. Servers without the subresource (a stock kube-apiserver serving Karmada's CRDs answers 404) get
/// the same spec patch on the main resource followed by the status patch, from the first 404 on.
/// </summary>
public sealed partial class BindingWriter
{
    /// <summary>The subresource of (Cluster)ResourceBindings that takes a whole scheduling decision.</summary>
    public const string SchedulingSubresource = "scheduling";

    private static readonly PatchOptions StatusPatch = new() { Subresource = "status" };
    private static readonly PatchOptions SchedulingPatch = new() { Subresource = SchedulingSubresource };
    private readonly KubeApiClient _client;
    private readonly ILogger _logger;
    private volatile bool _twoWrites;

    public BindingWriter(KubeApiClient client, ILogger<BindingWriter>? logger = null)
    {
        ArgumentNullException.ThrowIfNull(client);
        _client = client;
        _logger = logger ?? NullLogger<BindingWriter>.Instance;
    }

    /// <summary>Whether the server was found to lack the scheduling subresource: decisions are then two writes.</summary>
    public bool UsesTwoWrites => _twoWrites;

    /// <summary>
    /// Writes the update; API errors (conflicts included) propagate so the caller retries. Returns the
    /// resourceVersion of the spec write when a status write followed it (two-write servers only): the informer will
    /// deliver that intermediate state (new generation, old status), which is no news to the scheduler. Null otherwise.
    /// </summary>
    public async Task<string?> ApplyAsync(SchedulableBinding binding, ScheduleUpdate update, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(binding);
        ArgumentNullException.ThrowIfNull(update);
        var resource = binding.IsClusterScoped ? SchedulerResources.ClusterResourceBindings : SchedulerResources.ResourceBindings;
        var key = binding.Key;
        if (update.Spec is { } decided && !_twoWrites)
        {
            try
            {
                await _client.PatchAsync(resource, key.Namespace, key.Name, PatchType.Merge, DecisionPatch(binding, decided, update.Status), SchedulingPatch, cancellationToken).ConfigureAwait(false);
                return null;
            }
            catch (ApiException ex) when (IsMissingSubresource(ex))
            {
                _twoWrites = true;
                LogNoSchedulingSubresource(_logger, resource.Plural);
            }
        }

        var generation = binding.Metadata.Generation;
        string? specVersion = null;
        if (update.Spec is { } spec)
        {
            var written = await _client.PatchAsync(resource, key.Namespace, key.Name, PatchType.Merge, SpecPatch(binding.Metadata, spec), cancellationToken: cancellationToken).ConfigureAwait(false);
            generation = written["metadata"]?["generation"]?.GetValue<long>() ?? generation;
            specVersion = (string?)written["metadata"]?["resourceVersion"];
        }

        if (update.Status is not { } status)
        {
            return null;
        }

        await _client.PatchAsync(resource, key.Namespace, key.Name, PatchType.Merge, BuildStatusPatch(binding.Status, status, generation), StatusPatch, cancellationToken).ConfigureAwait(false);
        return specVersion;
    }

    /// <summary>
    /// A 404 naming no object: the URL itself is unknown, i.e. the subresource is not served. A 404 for a binding
    /// deleted meanwhile names it.
    /// </summary>
    public static bool IsMissingSubresource(ApiException exception)
    {
        ArgumentNullException.ThrowIfNull(exception);
        return exception.IsNotFound() && string.IsNullOrEmpty(exception.Status.Details?.Name);
    }

    /// <summary>
    /// The scheduling-subresource patch: the spec patch plus the status patch. The observed generation is the one
    /// this write leaves: the server bumps the generation exactly when <c>spec.clusters</c> changes, and the
    /// resourceVersion precondition pins the generation the binding had. Should the stored clusters differ from the
    /// informer's copy in some way the typed model cannot see, the guess errs low, which only costs a later catch-up.
    /// </summary>
    public static JsonObject DecisionPatch(SchedulableBinding binding, SpecChange spec, StatusChange? status)
    {
        ArgumentNullException.ThrowIfNull(binding);
        ArgumentNullException.ThrowIfNull(spec);
        var patch = SpecPatch(binding.Metadata, spec);
        if (status is not null)
        {
            var bumps = !ScheduleUpdatePlanner.SameTargets(binding.Spec.Clusters, spec.Clusters);
            var generation = binding.Metadata.Generation + (bumps ? 1 : 0);
            patch["status"] = BuildStatusPatch(binding.Status, status, generation)["status"]!.DeepClone();
        }

        return patch;
    }

    /// <summary>The spec patch: clusters (removed when empty, as upstream's generated merge patch does) and the annotation.</summary>
    public static JsonObject SpecPatch(ObjectMeta metadata, SpecChange change)
    {
        ArgumentNullException.ThrowIfNull(metadata);
        ArgumentNullException.ThrowIfNull(change);
        return new JsonObject
        {
            ["metadata"] = new JsonObject
            {
                ["resourceVersion"] = metadata.ResourceVersion,
                ["annotations"] = new JsonObject { [WellKnownAnnotations.AppliedPlacement] = change.AppliedPlacement },
            },
            ["spec"] = new JsonObject
            {
                ["clusters"] = change.Clusters.Count == 0 ? null : KarmadaJson.SerializeToNode(change.Clusters.ToList()),
            },
        };
    }

    /// <summary>
    /// The status patch: the whole conditions list with Scheduled replaced (a merge patch replaces lists), and the
    /// scheduler's own fields. <paramref name="generation"/> is the binding's generation after the spec write.
    /// </summary>
    public static JsonObject BuildStatusPatch(ResourceBindingStatus current, StatusChange change, long generation)
    {
        ArgumentNullException.ThrowIfNull(current);
        ArgumentNullException.ThrowIfNull(change);
        var status = new JsonObject();
        if (change.Scheduled is { } scheduled)
        {
            var conditions = current.Conditions.Where(c => c.Type != scheduled.Type).Append(scheduled).ToList();
            status["conditions"] = KarmadaJson.SerializeToNode(conditions);
        }

        if (change.ObserveGeneration)
        {
            status["schedulerObservedGeneration"] = generation;
        }

        if (change.LastScheduledTime is { } time)
        {
            status["lastScheduledTime"] = KarmadaJson.SerializeToNode(new ResourceBindingStatus { LastScheduledTime = time })?["lastScheduledTime"]?.DeepClone();
        }

        if (change.AffinityName is { } affinity)
        {
            status["schedulerObservingAffinityName"] = affinity;
        }

        return new JsonObject { ["status"] = status };
    }

    // Event ids 5050-5059: binding writer. Next free id: 5051.
    [LoggerMessage(5050, LogLevel.Information, "The API server does not serve {Resource}/scheduling; writing scheduling decisions as a spec patch and a status patch")]
    private static partial void LogNoSchedulingSubresource(ILogger logger, string resource);
}
