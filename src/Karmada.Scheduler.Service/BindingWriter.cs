using System.Text.Json.Nodes;
using Karmada.Api;
using Karmada.Api.Meta;
using Karmada.Api.WellKnown;
using Karmada.Api.Work.V1Alpha2;
using Karmada.Client;

namespace Karmada.Scheduler.Service;

/// <summary>
/// Writes a <see cref="ScheduleUpdate"/> to the API server: one merge patch of <c>spec.clusters</c> and the
/// applied-placement annotation, guarded by the resourceVersion the decision was made on (a binding changed in the
/// meantime is a conflict and gets rescheduled from fresh data), then one merge patch of the status subresource.
/// </summary>
public sealed class BindingWriter
{
    private static readonly PatchOptions StatusPatch = new() { Subresource = "status" };
    private readonly KubeApiClient _client;

    public BindingWriter(KubeApiClient client)
    {
        ArgumentNullException.ThrowIfNull(client);
        _client = client;
    }

    /// <summary>
    /// Writes the update; API errors (conflicts included) propagate so the caller retries. Returns the
    /// resourceVersion of the spec write when a status write followed it: the informer will deliver that intermediate
    /// state (new generation, old status), which is no news to the scheduler. Null otherwise.
    /// </summary>
    public async Task<string?> ApplyAsync(SchedulableBinding binding, ScheduleUpdate update, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(binding);
        ArgumentNullException.ThrowIfNull(update);
        var resource = binding.IsClusterScoped ? SchedulerResources.ClusterResourceBindings : SchedulerResources.ResourceBindings;
        var key = binding.Key;
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
}
