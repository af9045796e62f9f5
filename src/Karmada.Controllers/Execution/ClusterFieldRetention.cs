using System.Text.Json.Nodes;
using Karmada.Api.WellKnown;
using Karmada.Client;
using Karmada.Interpreter;

namespace Karmada.Controllers.Execution;

/// <summary>
/// Builds the object to write over an existing member object (upstream <c>objectwatcher.retainClusterFields</c>): the
/// desired manifest, plus what the member owns — its resourceVersion (optimistic concurrency), finalizers and
/// ownerReferences set by member controllers, labels and annotations added in the member (except keys Karmada used to
/// manage and has since dropped), and the kind's interpreter Retain (replicas under a member HPA, a Service's
/// clusterIP, a ServiceAccount's secrets, ...).
/// </summary>
public static class ClusterFieldRetention
{
    /// <summary>A new object; neither input is modified.</summary>
    public static JsonObject Retain(JsonObject desired, JsonObject observed, IResourceInterpreter interpreter)
    {
        ArgumentNullException.ThrowIfNull(desired);
        ArgumentNullException.ThrowIfNull(observed);
        ArgumentNullException.ThrowIfNull(interpreter);
        var result = ObjectCloner.DeepClone(desired);
        var metadata = MetadataMaps.Metadata(result);
        var observedMetadata = observed["metadata"] as JsonObject;
        CopyOrRemove(metadata, observedMetadata, "resourceVersion");
        CopyOrRemove(metadata, observedMetadata, "finalizers");
        CopyOrRemove(metadata, observedMetadata, "ownerReferences");
        RetainMap(result, observed, MetadataMaps.Labels, WellKnownAnnotations.ManagedLabels);
        RetainMap(result, observed, MetadataMaps.Annotations, WellKnownAnnotations.ManagedAnnotations);
        return interpreter.Retain(result, observed);
    }

    private static void CopyOrRemove(JsonObject metadata, JsonObject? observedMetadata, string field)
    {
        if (observedMetadata?[field] is JsonNode value)
        {
            metadata[field] = value.DeepClone();
        }
        else
        {
            metadata.Remove(field);
        }
    }

    /// <summary>Adds the member's own keys to the desired map; keys Karmada managed before and no longer does stay deleted.</summary>
    private static void RetainMap(JsonObject desired, JsonObject observed, string field, string managedKeysAnnotation)
    {
        var desiredMap = MetadataMaps.Get(desired, field);
        var stillManaged = ManagedKeys(desired, managedKeysAnnotation);
        var dropped = ManagedKeys(observed, managedKeysAnnotation);
        dropped.ExceptWith(stillManaged);
        var changed = false;
        foreach (var (key, value) in MetadataMaps.Get(observed, field))
        {
            if (!dropped.Contains(key) && desiredMap.TryAdd(key, value))
            {
                changed = true;
            }
        }

        if (changed)
        {
            MetadataMaps.Set(desired, field, desiredMap);
        }
    }

    private static HashSet<string> ManagedKeys(JsonObject obj, string annotation) =>
        [.. (MetadataMaps.GetValue(obj, MetadataMaps.Annotations, annotation) ?? "")
            .Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)];
}
