using System.Text.Json;
using System.Text.Json.Nodes;

namespace Karmada.Controllers.Execution;

/// <summary>Reads and writes <c>metadata.labels</c> / <c>metadata.annotations</c> of unstructured objects.</summary>
internal static class MetadataMaps
{
    public const string Labels = "labels";
    public const string Annotations = "annotations";

    /// <summary>A copy of the string map <paramref name="field"/> (empty when absent).</summary>
    public static Dictionary<string, string> Get(JsonObject obj, string field)
    {
        var result = new Dictionary<string, string>(StringComparer.Ordinal);
        if (obj["metadata"] is JsonObject metadata && metadata[field] is JsonObject map)
        {
            foreach (var (key, value) in map)
            {
                if (value is JsonValue text && text.GetValueKind() == JsonValueKind.String)
                {
                    result[key] = text.GetValue<string>();
                }
            }
        }

        return result;
    }

    /// <summary>One value of the string map <paramref name="field"/>, or null.</summary>
    public static string? GetValue(JsonObject obj, string field, string key) =>
        obj["metadata"] is JsonObject metadata && metadata[field] is JsonObject map
            && map[key] is JsonValue text && text.GetValueKind() == JsonValueKind.String
            ? text.GetValue<string>()
            : null;

    /// <summary>Replaces the string map <paramref name="field"/>; an empty map removes the field.</summary>
    public static void Set(JsonObject obj, string field, IReadOnlyDictionary<string, string> values)
    {
        var metadata = Metadata(obj);
        if (values.Count == 0)
        {
            metadata.Remove(field);
            return;
        }

        var map = new JsonObject();
        foreach (var (key, value) in values.OrderBy(p => p.Key, StringComparer.Ordinal))
        {
            map[key] = value;
        }

        metadata[field] = map;
    }

    /// <summary>The <c>metadata</c> object, created when missing.</summary>
    public static JsonObject Metadata(JsonObject obj)
    {
        if (obj["metadata"] is JsonObject metadata)
        {
            return metadata;
        }

        metadata = [];
        obj["metadata"] = metadata;
        return metadata;
    }

    /// <summary>Whether two string maps hold the same pairs.</summary>
    public static bool SameMap(IReadOnlyDictionary<string, string> a, IReadOnlyDictionary<string, string> b) =>
        a.Count == b.Count && a.All(p => b.TryGetValue(p.Key, out var v) && v == p.Value);
}
