using System.Text.Json.Nodes;
using Karmada.Json;
using Karmada.OpenApi.Generation;

namespace Karmada.OpenApi.Structural;

/// <summary>
/// Drops fields that a structural schema does not specify, as apiextensions-apiserver does when it decodes a custom
/// resource, and reports them so that strict field validation can say <c>unknown field "spec.foo"</c>.
/// </summary>
/// <remarks>
/// Like upstream, apiVersion, kind and metadata survive at the resource root and in every
/// <c>x-kubernetes-embedded-resource</c>; their metadata is pruned to the fields of ObjectMeta instead (upstream
/// decodes it into ObjectMeta), so an unknown <c>metadata.foo</c> is reported too. Subtrees under
/// <c>x-kubernetes-preserve-unknown-fields</c> are kept except where the schema specifies properties. Finally
/// non-nullable nulls without a default are removed, unreported, as upstream does right after pruning.
/// </remarks>
public static class SchemaPruner
{
    private static readonly HashSet<string> MetaFields = new(StringComparer.Ordinal) { "apiVersion", "kind", "metadata" };

    /// <summary>Prunes a resource (the value is treated as the resource root).</summary>
    /// <param name="value">The object to prune in place.</param>
    /// <param name="schema">A structural schema with all references inlined.</param>
    /// <returns>The pruned field paths, sorted, e.g. <c>spec.foo</c> and <c>spec.items[0].bar</c>.</returns>
    public static IReadOnlyList<string> Prune(JsonNode? value, JsonObject schema) => Prune(value, schema, isResourceRoot: true);

    /// <summary>Prunes a value; with <paramref name="isResourceRoot"/> false it is pruned like any nested field.</summary>
    /// <param name="value">The value to prune in place.</param>
    /// <param name="schema">A structural schema with all references inlined.</param>
    /// <param name="isResourceRoot">Whether apiVersion, kind and metadata at the top are kept, as for a resource.</param>
    /// <returns>The pruned field paths, sorted.</returns>
    public static IReadOnlyList<string> Prune(JsonNode? value, JsonObject schema, bool isResourceRoot)
    {
        ArgumentNullException.ThrowIfNull(schema);

        var pruned = new List<string>();
        PruneValue(value, schema, isResourceRoot, string.Empty, pruned);
        PruneNonNullableNullsWithoutDefaults(value, schema);
        pruned.Sort(StringComparer.Ordinal);
        return pruned;
    }

    private static void PruneValue(JsonNode? value, JsonObject? schema, bool forceEmbedded, string path, List<string> pruned)
    {
        if (schema is not null && schema.IsTrue(SchemaAccess.PreserveUnknownFields))
        {
            SkipPrune(value, schema, forceEmbedded, path, pruned);
            return;
        }

        switch (value)
        {
            case JsonObject obj:
                if (schema is null)
                {
                    foreach (var key in obj.Select(pair => pair.Key).ToList())
                    {
                        pruned.Add(FieldPath.Child(path, key));
                        obj.Remove(key);
                    }

                    return;
                }

                var embedded = forceEmbedded || schema.IsTrue(SchemaAccess.EmbeddedResource);
                var hasAdditional = schema.ContainsKey("additionalProperties");
                var additional = schema.GetAdditionalProperties().Schema;
                foreach (var key in obj.Select(pair => pair.Key).ToList())
                {
                    var child = obj[key];
                    if (embedded && IsKeptMetaField(obj, key, path, pruned))
                    {
                        continue;
                    }

                    if (schema.GetProperty(key) is { } property)
                    {
                        PruneValue(child, property, false, FieldPath.Child(path, key), pruned);
                    }
                    else if (hasAdditional)
                    {
                        // Upstream keeps the key for any additionalProperties and prunes its value by the schema, if any.
                        PruneValue(child, additional, false, FieldPath.Child(path, key), pruned);
                    }
                    else
                    {
                        // Unknown apiVersion/kind/metadata of malformed type at the very root are dropped without a report.
                        if (!MetaFields.Contains(key) || path.Length > 0)
                        {
                            pruned.Add(FieldPath.Child(path, key));
                        }

                        obj.Remove(key);
                    }
                }

                break;
            case JsonArray array:
                var items = schema?.GetItems();
                for (var i = 0; i < array.Count; i++)
                {
                    PruneValue(array[i], items, false, FieldPath.Index(path, i), pruned);
                }

                break;
        }
    }

    private static void SkipPrune(JsonNode? value, JsonObject? schema, bool forceEmbedded, string path, List<string> pruned)
    {
        if (schema is null)
        {
            return;
        }

        switch (value)
        {
            case JsonObject obj:
                var embedded = forceEmbedded || schema.IsTrue(SchemaAccess.EmbeddedResource);
                var hasAdditional = schema.ContainsKey("additionalProperties");
                var additional = schema.GetAdditionalProperties().Schema;
                foreach (var key in obj.Select(pair => pair.Key).ToList())
                {
                    if (embedded && MetaFields.Contains(key))
                    {
                        if (key == "metadata" && obj[key] is JsonObject metadata)
                        {
                            PruneMetadata(metadata, FieldPath.Child(path, key), pruned);
                        }

                        continue;
                    }

                    if (schema.GetProperty(key) is { } property)
                    {
                        PruneValue(obj[key], property, false, FieldPath.Child(path, key), pruned);
                    }
                    else if (hasAdditional && additional is not null)
                    {
                        PruneValue(obj[key], additional, false, FieldPath.Child(path, key), pruned);
                    }
                }

                break;
            case JsonArray array:
                var items = schema.GetItems();
                for (var i = 0; i < array.Count; i++)
                {
                    SkipPrune(array[i], items, false, FieldPath.Index(path, i), pruned);
                }

                break;
        }
    }

    /// <summary>apiVersion and kind survive when they are strings; metadata survives when it is an object, pruned to ObjectMeta.</summary>
    private static bool IsKeptMetaField(JsonObject obj, string key, string path, List<string> pruned)
    {
        switch (key)
        {
            case "apiVersion":
            case "kind":
                return JsonValues.KindOf(obj[key]) == JsonKind.String;
            case "metadata":
                if (obj[key] is JsonObject metadata)
                {
                    PruneMetadata(metadata, FieldPath.Child(path, key), pruned);
                    return true;
                }

                return false;
            default:
                return false;
        }
    }

    private static void PruneMetadata(JsonObject metadata, string path, List<string> pruned) =>
        PruneValue(metadata, BuiltInSchemas.ObjectMetaStructural, false, path, pruned);

    private static void PruneNonNullableNullsWithoutDefaults(JsonNode? value, JsonObject? schema)
    {
        switch (value)
        {
            case JsonObject obj:
                foreach (var key in obj.Select(pair => pair.Key).ToList())
                {
                    var fieldSchema = schema.FieldSchema(key);
                    var child = obj[key];
                    if (JsonValues.IsNull(child) && fieldSchema is not null && !fieldSchema.IsTrue("nullable") && !fieldSchema.HasDefault())
                    {
                        obj.Remove(key);
                    }
                    else
                    {
                        PruneNonNullableNullsWithoutDefaults(child, fieldSchema);
                    }
                }

                break;
            case JsonArray array:
                var items = schema?.GetItems();
                foreach (var item in array)
                {
                    PruneNonNullableNullsWithoutDefaults(item, items);
                }

                break;
        }
    }
}
