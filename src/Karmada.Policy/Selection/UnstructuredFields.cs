using System.Text.Json;
using System.Text.Json.Nodes;

namespace Karmada.Policy.Selection;

/// <summary>Read-only accessors for the type and object metadata of an unstructured object, as <c>unstructured.Unstructured</c> getters.</summary>
internal static class UnstructuredFields
{
    public static string GetApiVersion(JsonObject obj) => GetString(obj, "apiVersion");

    public static string GetKind(JsonObject obj) => GetString(obj, "kind");

    public static string GetNamespace(JsonObject obj) => GetString(Metadata(obj), "namespace");

    public static string GetName(JsonObject obj) => GetString(Metadata(obj), "name");

    /// <summary>The labels, or null when unset; non-string values are skipped as <c>NestedStringMap</c> would fail on them.</summary>
    public static Dictionary<string, string>? GetLabels(JsonObject obj) => GetStringMap(Metadata(obj), "labels");

    public static Dictionary<string, string>? GetStringMap(JsonObject? parent, string key)
    {
        if (parent?[key] is not JsonObject map)
        {
            return null;
        }

        var result = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (name, value) in map)
        {
            if (value is JsonValue v && v.GetValueKind() == JsonValueKind.String)
            {
                result[name] = v.GetValue<string>();
            }
        }

        return result;
    }

    private static JsonObject? Metadata(JsonObject obj) => obj["metadata"] as JsonObject;

    private static string GetString(JsonObject? parent, string key) =>
        parent?[key] is JsonValue value && value.GetValueKind() == JsonValueKind.String ? value.GetValue<string>() : "";
}
