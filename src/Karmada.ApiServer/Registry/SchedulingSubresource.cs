using System.Text.Json.Nodes;
using Karmada.Api.WellKnown;
using Karmada.ApiServer.Http;
using Karmada.ApiServer.Resources;

namespace Karmada.ApiServer.Registry;

/// <summary>
/// The <c>scheduling</c> subresource of ResourceBinding and ClusterResourceBinding, the scheduler's counterpart of
/// <c>pods/binding</c>: one write stores a scheduling decision (<c>spec.clusters</c>, the applied-placement
/// annotation and the scheduler's status fields), so a decision costs one storage write and one watch event instead
/// of a spec write followed by a status write. Like <c>/status</c>, every other field of the request is ignored.
/// A change of <c>spec.clusters</c> bumps <c>metadata.generation</c>, as a write to the main resource would.
/// </summary>
public static class SchedulingSubresource
{
    public const string Name = "scheduling";

    private const string Group = "work.karmada.io";
    private const string ScheduledCondition = "Scheduled";
    private const string ObservedGeneration = "schedulerObservedGeneration";

    /// <summary>The scheduler-owned status fields besides the <c>Scheduled</c> condition.</summary>
    private static readonly string[] StatusFields = [ObservedGeneration, "schedulerObservingAffinityName", "lastScheduledTime"];

    public static bool IsServedBy(ResourceDefinition resource)
    {
        ArgumentNullException.ThrowIfNull(resource);
        return resource.Group == Group && resource.Plural is "resourcebindings" or "clusterresourcebindings";
    }

    /// <summary>
    /// The object to store: <paramref name="old"/> with the scheduler-owned fields taken from
    /// <paramref name="desired"/>. Throws 422 when the clusters are malformed or the observed generation would run
    /// ahead of the generation this write leaves.
    /// </summary>
    public static JsonObject Merge(ResourceDefinition resource, JsonObject old, JsonObject desired)
    {
        ArgumentNullException.ThrowIfNull(resource);
        ArgumentNullException.ThrowIfNull(old);
        ArgumentNullException.ThrowIfNull(desired);
        var updated = old.DeepClone().AsObject();
        var spec = updated["spec"] as JsonObject ?? [];
        updated["spec"] = spec;
        CopyField(desired["spec"] as JsonObject, spec, "clusters");

        var metadata = updated["metadata"]!.AsObject();
        var annotations = metadata["annotations"] as JsonObject ?? [];
        CopyField(desired["metadata"]?["annotations"] as JsonObject, annotations, WellKnownAnnotations.AppliedPlacement);
        SetOrRemove(metadata, "annotations", annotations);

        var status = updated["status"] as JsonObject ?? [];
        var desiredStatus = desired["status"] as JsonObject;
        foreach (var field in StatusFields)
        {
            CopyField(desiredStatus, status, field);
        }

        MergeScheduledCondition(desiredStatus?["conditions"] as JsonArray, status);
        SetOrRemove(updated, "status", status);

        var causes = Validate(old, updated);
        if (causes.Count > 0)
        {
            throw new ApiException(Errors.Invalid(resource, (string?)metadata["name"] ?? "", causes));
        }

        return updated;
    }

    private static List<StatusCause> Validate(JsonObject old, JsonObject updated)
    {
        var causes = new List<StatusCause>();
        var clusters = updated["spec"]?["clusters"];
        if (clusters is JsonArray list)
        {
            var seen = new HashSet<string>(StringComparer.Ordinal);
            for (var i = 0; i < list.Count; i++)
            {
                var path = $"spec.clusters[{i}]";
                var name = list[i] is JsonObject target && target["name"] is JsonValue n && n.TryGetValue<string>(out var s) ? s : null;
                if (string.IsNullOrEmpty(name))
                {
                    causes.Add(new StatusCause("FieldValueRequired", "Required value: cluster name is required", path + ".name"));
                }
                else if (!seen.Add(name))
                {
                    causes.Add(new StatusCause("FieldValueDuplicate", $"Duplicate value: \"{name}\"", path + ".name"));
                }

                if (list[i]?["replicas"] is { } replicas && !(Integer(replicas) is { } count && count >= 0))
                {
                    causes.Add(new StatusCause("FieldValueInvalid", $"Invalid value: {replicas.ToJsonString()}: must be a non-negative integer", path + ".replicas"));
                }
            }
        }
        else if (clusters is not null)
        {
            causes.Add(new StatusCause("FieldValueTypeInvalid", "Invalid value: must be a list of target clusters", "spec.clusters"));
        }

        if (updated["status"]?[ObservedGeneration] is { } observed)
        {
            // The generation this write leaves: the main-resource rule, spec changes bump it.
            var generation = (Integer(old["metadata"]?["generation"]) ?? 0) + (ObjectComparison.ContentDiffers(old, updated) ? 1 : 0);
            if (Integer(observed) is not { } value || value < 0 || value > generation)
            {
                causes.Add(new StatusCause("FieldValueInvalid", $"Invalid value: {observed.ToJsonString()}: must be between 0 and metadata.generation ({generation})", "status." + ObservedGeneration));
            }
        }

        return causes;
    }

    /// <summary>A JSON integer, whether parsed (a request body) or built in code.</summary>
    private static long? Integer(JsonNode? node) => node is JsonValue value
        ? value.TryGetValue<long>(out var l) ? l : value.TryGetValue<int>(out var i) ? i : null
        : null;

    /// <summary>Replaces the stored Scheduled condition by the requested one (in place), or removes it; others stay.</summary>
    private static void MergeScheduledCondition(JsonArray? requested, JsonObject status)
    {
        var wanted = requested?.OfType<JsonObject>().LastOrDefault(c => (string?)c["type"] == ScheduledCondition);
        var conditions = status["conditions"] as JsonArray ?? [];
        var index = conditions.ToList().FindIndex(c => (string?)c?["type"] == ScheduledCondition);
        if (index >= 0)
        {
            conditions.RemoveAt(index);
        }

        if (wanted is not null)
        {
            conditions.Insert(index >= 0 ? index : conditions.Count, wanted.DeepClone());
        }

        SetOrRemove(status, "conditions", conditions);
    }

    private static void CopyField(JsonObject? source, JsonObject target, string field)
    {
        if (source?[field] is { } value)
        {
            target[field] = value.DeepClone();
        }
        else
        {
            target.Remove(field);
        }
    }

    private static void SetOrRemove(JsonObject parent, string field, JsonNode value)
    {
        if (value is JsonObject { Count: 0 } or JsonArray { Count: 0 })
        {
            parent.Remove(field);
        }
        else
        {
            parent[field] = value;
        }
    }
}
