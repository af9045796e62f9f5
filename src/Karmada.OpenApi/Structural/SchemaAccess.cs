using System.Text.Json;
using System.Text.Json.Nodes;
using Karmada.Json;

namespace Karmada.OpenApi.Structural;

/// <summary>Typed reads of the keywords of a CRD-dialect schema held as a <see cref="JsonObject"/>.</summary>
internal static class SchemaAccess
{
    public const string IntOrString = "x-kubernetes-int-or-string";
    public const string PreserveUnknownFields = "x-kubernetes-preserve-unknown-fields";
    public const string EmbeddedResource = "x-kubernetes-embedded-resource";
    public const string ListType = "x-kubernetes-list-type";
    public const string ListMapKeys = "x-kubernetes-list-map-keys";
    public const string MapType = "x-kubernetes-map-type";

    // Every value validated reads its types; the common ones are shared rather than allocated per read.
    private static readonly string[] IntegerOrString = ["integer", "string"];
    private static readonly string[][] CommonTypes = [["object"], ["array"], ["string"], ["integer"], ["number"], ["boolean"]];

    public static string? GetString(this JsonObject schema, string name) =>
        schema.TryGetPropertyValue(name, out var node) ? JsonValues.AsString(node) : null;

    public static bool IsTrue(this JsonObject schema, string name) =>
        schema.TryGetPropertyValue(name, out var node) && node is JsonValue && node.GetValueKind() == JsonValueKind.True;

    public static JsonObject? GetObject(this JsonObject schema, string name) =>
        schema.TryGetPropertyValue(name, out var node) ? node as JsonObject : null;

    public static JsonArray? GetArray(this JsonObject schema, string name) =>
        schema.TryGetPropertyValue(name, out var node) ? node as JsonArray : null;

    public static double? GetDouble(this JsonObject schema, string name) =>
        schema.TryGetPropertyValue(name, out var node) && JsonValues.TryGetDouble(node, out var value) ? value : null;

    public static long? GetLong(this JsonObject schema, string name)
    {
        if (!schema.TryGetPropertyValue(name, out var node))
        {
            return null;
        }

        if (JsonValues.TryGetInteger(node, out var value))
        {
            return value;
        }

        return JsonValues.TryGetDouble(node, out var number) ? (long)number : null;
    }

    /// <summary>The types a value may have; <c>x-kubernetes-int-or-string</c> means integer or string, as apiextensions converts it.</summary>
    public static IReadOnlyList<string> GetTypes(this JsonObject schema)
    {
        if (schema.IsTrue(IntOrString))
        {
            return IntegerOrString;
        }

        if (!schema.TryGetPropertyValue("type", out var node) || node is null)
        {
            return [];
        }

        if (node is JsonArray array)
        {
            return array.Select(JsonValues.AsString).OfType<string>().ToArray();
        }

        var single = JsonValues.AsString(node);
        return string.IsNullOrEmpty(single) ? [] : SingleType(single);
    }

    private static string[] SingleType(string type)
    {
        foreach (var common in CommonTypes)
        {
            if (string.Equals(common[0], type, StringComparison.Ordinal))
            {
                return common;
            }
        }

        return [type];
    }

    /// <summary>The single <c>type</c> keyword, empty when absent.</summary>
    public static string GetTypeKeyword(this JsonObject schema) => schema.GetString("type") ?? string.Empty;

    public static JsonObject? GetItems(this JsonObject schema) => schema.GetObject("items");

    public static JsonObject? GetProperties(this JsonObject schema) => schema.GetObject("properties");

    public static JsonObject? GetProperty(this JsonObject schema, string name) =>
        schema.GetProperties() is { } properties && properties.TryGetPropertyValue(name, out var node) ? node as JsonObject : null;

    /// <summary>
    /// Reads <c>additionalProperties</c>: absent gives (null, null), a boolean gives (value, null) and a schema gives (true, schema).
    /// </summary>
    public static (bool? Allows, JsonObject? Schema) GetAdditionalProperties(this JsonObject schema)
    {
        if (!schema.TryGetPropertyValue("additionalProperties", out var node) || node is null)
        {
            return (null, null);
        }

        if (node is JsonObject objectSchema)
        {
            return (true, objectSchema);
        }

        return node.GetValueKind() switch
        {
            JsonValueKind.True => (true, null),
            JsonValueKind.False => (false, null),
            _ => (null, null),
        };
    }

    /// <summary>The schema that governs a field of an object: its property, else the additionalProperties schema.</summary>
    public static JsonObject? FieldSchema(this JsonObject? schema, string field) =>
        schema is null ? null : schema.GetProperty(field) ?? schema.GetAdditionalProperties().Schema;

    public static bool HasDefault(this JsonObject schema) =>
        schema.TryGetPropertyValue("default", out var node) && !JsonValues.IsNull(node);
}
