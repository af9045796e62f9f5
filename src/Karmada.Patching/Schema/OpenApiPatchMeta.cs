using System.Text.Json.Nodes;
using Karmada.Json;

namespace Karmada.Patching.Schema;

/// <summary>
/// Derives <see cref="PatchMeta"/> from a structural OpenAPI v3 schema, reading the Kubernetes extensions
/// <c>x-kubernetes-list-type</c>, <c>x-kubernetes-list-map-keys</c>, <c>x-kubernetes-map-type</c>,
/// <c>x-kubernetes-patch-strategy</c>, <c>x-kubernetes-patch-merge-key</c> and
/// <c>x-kubernetes-preserve-unknown-fields</c>, as upstream does for custom resources.
/// </summary>
public static class OpenApiPatchMeta
{
    /// <summary>Converts one schema node (recursively).</summary>
    public static PatchMeta FromSchema(JsonObject schema)
    {
        ArgumentNullException.ThrowIfNull(schema);
        var type = String(schema, "type");
        if (type == "array" || schema["items"] is JsonObject)
        {
            return ListFrom(schema);
        }

        if (schema["properties"] is JsonObject properties)
        {
            var fields = properties
                .Where(p => p.Value is JsonObject)
                .Select(p => (p.Key, FromSchema((JsonObject)p.Value!)))
                .ToArray();
            var meta = PatchMeta.Struct(fields);
            if (Bool(schema, "x-kubernetes-embedded-resource"))
            {
                meta = meta.WithFields(("apiVersion", PatchMeta.Scalar), ("kind", PatchMeta.Scalar), ("metadata", CorePatchMeta.ObjectMeta));
            }

            return String(schema, "x-kubernetes-map-type") == "atomic" ? meta.AsAtomic() : meta;
        }

        if (schema["additionalProperties"] is JsonObject values)
        {
            var map = PatchMeta.Map(FromSchema(values));
            return String(schema, "x-kubernetes-map-type") == "atomic" ? map.AsAtomic() : map;
        }

        if (type == "object" || Bool(schema, "x-kubernetes-preserve-unknown-fields"))
        {
            return String(schema, "x-kubernetes-map-type") == "atomic" ? PatchMeta.Unknown.AsAtomic() : PatchMeta.Unknown;
        }

        return type is null && !Bool(schema, "x-kubernetes-int-or-string") ? PatchMeta.Unknown : PatchMeta.Scalar;
    }

    private static PatchMeta ListFrom(JsonObject schema)
    {
        var items = schema["items"] is JsonObject itemSchema ? FromSchema(itemSchema) : PatchMeta.Unknown;
        var meta = PatchMeta.AtomicList(items);

        var strategies = (String(schema, "x-kubernetes-patch-strategy") ?? "").Split(',', StringSplitOptions.TrimEntries);
        if (strategies.Contains("merge"))
        {
            meta = meta.WithStrategy(PatchStrategy.Merge) with { MergeKey = String(schema, "x-kubernetes-patch-merge-key") };
        }

        if (strategies.Contains("retainKeys"))
        {
            meta = meta.WithRetainKeys();
        }

        switch (String(schema, "x-kubernetes-list-type"))
        {
            case "set":
                meta = meta with { ListType = ListType.Set };
                break;
            case "map":
                var keys = (schema["x-kubernetes-list-map-keys"] as JsonArray ?? [])
                    .Where(k => JsonValues.KindOf(k) == JsonKind.String)
                    .Select(k => k!.GetValue<string>())
                    .ToArray();
                meta = meta.WithListMapKeys(keys);
                if (schema["items"] is JsonObject { } item && item["properties"] is JsonObject itemProperties)
                {
                    foreach (var key in keys)
                    {
                        if (itemProperties[key] is JsonObject keySchema
                            && keySchema["default"] is JsonValue value
                            && JsonValues.KindOf(value) == JsonKind.String)
                        {
                            meta = meta.WithKeyDefault(key, value.GetValue<string>());
                        }
                    }
                }

                break;
            default:
                break;
        }

        return meta;
    }

    private static string? String(JsonObject schema, string name) =>
        schema[name] is JsonValue value && JsonValues.KindOf(value) == JsonKind.String ? value.GetValue<string>() : null;

    private static bool Bool(JsonObject schema, string name) =>
        schema[name] is JsonValue value && JsonValues.KindOf(value) == JsonKind.Boolean && value.GetValue<bool>();
}
