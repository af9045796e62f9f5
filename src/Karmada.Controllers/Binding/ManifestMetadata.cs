using System.Text.Json.Nodes;

namespace Karmada.Controllers.Binding;

/// <summary>Reads and edits the metadata of an unstructured manifest (upstream <c>util.MergeLabel</c> and friends).</summary>
internal static class ManifestMetadata
{
    public static string GetKind(JsonObject manifest) =>
        manifest["kind"] is JsonValue value && value.TryGetValue<string>(out var kind) ? kind : "";

    public static string? GetString(JsonObject manifest, string field) =>
        manifest["metadata"] is JsonObject metadata && metadata[field] is JsonValue value && value.TryGetValue<string>(out var text) ? text : null;

    public static long GetGeneration(JsonObject manifest) =>
        manifest["metadata"] is JsonObject metadata && metadata["generation"] is JsonValue value && value.TryGetValue<long>(out var generation) ? generation : 0;

    public static string? GetAnnotation(JsonObject manifest, string key) =>
        manifest["metadata"]?["annotations"] is JsonObject annotations && annotations[key] is JsonValue value && value.TryGetValue<string>(out var text) ? text : null;

    public static void SetLabel(JsonObject manifest, string key, string value) => Map(manifest, "labels")[key] = value;

    public static void SetAnnotation(JsonObject manifest, string key, string value) => Map(manifest, "annotations")[key] = value;

    /// <summary>The keys of a metadata map, empty when absent.</summary>
    public static IEnumerable<string> Keys(JsonObject manifest, string map) =>
        manifest["metadata"]?[map] is JsonObject entries ? entries.Select(e => e.Key) : [];

    private static JsonObject Map(JsonObject manifest, string name)
    {
        if (manifest["metadata"] is not JsonObject metadata)
        {
            metadata = [];
            manifest["metadata"] = metadata;
        }

        if (metadata[name] is not JsonObject map)
        {
            map = [];
            metadata[name] = map;
        }

        return map;
    }
}
