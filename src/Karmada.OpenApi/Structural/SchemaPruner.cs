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

        // Every write of a built-in kind is pruned and almost none loses a field: the walk keeps its position as a
        // stack of segments and spells a path only for a field it drops.
        var walk = new Walk();
        walk.PruneValue(value, schema, isResourceRoot);
        PruneNonNullableNullsWithoutDefaults(value, schema);
        if (walk.Pruned is not { } pruned)
        {
            return [];
        }

        pruned.Sort(StringComparer.Ordinal);
        return pruned;
    }

    /// <summary>apiVersion and kind survive when they are strings; metadata survives when it is an object.</summary>
    private static bool IsKeptMetaField(string key, JsonNode? value) => key switch
    {
        "apiVersion" or "kind" => JsonValues.KindOf(value) == JsonKind.String,
        "metadata" => value is JsonObject,
        _ => false,
    };

    private static void PruneNonNullableNullsWithoutDefaults(JsonNode? value, JsonObject? schema)
    {
        // Nothing below a value without a schema can be a non-nullable field (as upstream, which stops there too):
        // stepping in would only materialise schemaless subtrees such as a Work's manifests.
        if (schema is null)
        {
            return;
        }

        switch (value)
        {
            case JsonObject obj:
                List<string>? removed = null;
                for (var i = 0; i < obj.Count; i++)
                {
                    var (key, child) = obj.GetAt(i);
                    var fieldSchema = schema.FieldSchema(key);
                    if (JsonValues.IsNull(child) && fieldSchema is not null && !fieldSchema.IsTrue("nullable") && !fieldSchema.HasDefault())
                    {
                        (removed ??= []).Add(key);
                    }
                    else
                    {
                        PruneNonNullableNullsWithoutDefaults(child, fieldSchema);
                    }
                }

                RemoveAll(obj, removed);
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

    /// <summary>Removes keys collected while the object was enumerated (it cannot change under its enumerator).</summary>
    private static void RemoveAll(JsonObject obj, List<string>? keys)
    {
        if (keys is null)
        {
            return;
        }

        foreach (var key in keys)
        {
            obj.Remove(key);
        }
    }

    /// <summary>One pruning walk: where it is (field names and list indexes) and what it has dropped so far.</summary>
    private sealed class Walk
    {
        private readonly List<(string? Name, int Index)> _segments = [];

        public List<string>? Pruned { get; private set; }

        public void PruneValue(JsonNode? value, JsonObject? schema, bool forceEmbedded)
        {
            if (schema is not null && schema.IsTrue(SchemaAccess.PreserveUnknownFields))
            {
                SkipPrune(value, schema, forceEmbedded);
                return;
            }

            switch (value)
            {
                case JsonObject obj:
                    if (schema is null)
                    {
                        for (var i = 0; i < obj.Count; i++)
                        {
                            var key = obj.GetAt(i).Key;
                            Report(key);
                        }

                        obj.Clear();
                        return;
                    }

                    PruneProperties(obj, schema, forceEmbedded);
                    break;
                case JsonArray array:
                    var items = schema?.GetItems();
                    for (var i = 0; i < array.Count; i++)
                    {
                        _segments.Add((null, i));
                        PruneValue(array[i], items, false);
                        _segments.RemoveAt(_segments.Count - 1);
                    }

                    break;
            }
        }

        private void PruneProperties(JsonObject obj, JsonObject schema, bool forceEmbedded)
        {
            var embedded = forceEmbedded || schema.IsTrue(SchemaAccess.EmbeddedResource);
            var hasAdditional = schema.ContainsKey("additionalProperties");
            var additional = schema.GetAdditionalProperties().Schema;
            var properties = schema.GetProperties();
            List<string>? removed = null;
            for (var i = 0; i < obj.Count; i++)
            {
                var (key, child) = obj.GetAt(i);
                if (embedded && IsKeptMetaField(key, child))
                {
                    if (child is JsonObject metadata)
                    {
                        PruneMetadata(metadata, key);
                    }

                    continue;
                }

                if (properties is not null && properties.TryGetPropertyValue(key, out var propertyNode) && propertyNode is JsonObject property)
                {
                    PruneChild(child, property, key);
                }
                else if (hasAdditional)
                {
                    // Upstream keeps the key for any additionalProperties and prunes its value by the schema, if any.
                    PruneChild(child, additional, key);
                }
                else
                {
                    // Unknown apiVersion/kind/metadata of malformed type at the very root are dropped without a report.
                    if (!MetaFields.Contains(key) || _segments.Count > 0)
                    {
                        Report(key);
                    }

                    (removed ??= []).Add(key);
                }
            }

            RemoveAll(obj, removed);
        }

        private void SkipPrune(JsonNode? value, JsonObject? schema, bool forceEmbedded)
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
                    var properties = schema.GetProperties();
                    for (var i = 0; i < obj.Count; i++)
                    {
                        var (key, child) = obj.GetAt(i);
                        if (embedded && MetaFields.Contains(key))
                        {
                            if (key == "metadata" && child is JsonObject metadata)
                            {
                                PruneMetadata(metadata, key);
                            }

                            continue;
                        }

                        if (properties is not null && properties.TryGetPropertyValue(key, out var propertyNode) && propertyNode is JsonObject property)
                        {
                            PruneChild(child, property, key);
                        }
                        else if (hasAdditional && additional is not null)
                        {
                            PruneChild(child, additional, key);
                        }
                    }

                    break;
                case JsonArray array:
                    var items = schema.GetItems();
                    for (var i = 0; i < array.Count; i++)
                    {
                        _segments.Add((null, i));
                        SkipPrune(array[i], items, false);
                        _segments.RemoveAt(_segments.Count - 1);
                    }

                    break;
            }
        }

        /// <summary>Metadata is pruned to the fields of ObjectMeta, as upstream decodes it into ObjectMeta.</summary>
        private void PruneMetadata(JsonObject metadata, string key) => PruneChild(metadata, BuiltInSchemas.ObjectMetaStructural, key);

        private void PruneChild(JsonNode? child, JsonObject? schema, string key)
        {
            // A scalar has nothing to prune below it: no need to step into it.
            if (child is not (JsonObject or JsonArray))
            {
                return;
            }

            _segments.Add((key, 0));
            PruneValue(child, schema, false);
            _segments.RemoveAt(_segments.Count - 1);
        }

        /// <summary>Records the field <paramref name="key"/> of the current position as pruned, spelled as field.Path prints it.</summary>
        private void Report(string key)
        {
            var path = string.Empty;
            foreach (var (name, index) in _segments)
            {
                path = name is null ? FieldPath.Index(path, index) : FieldPath.Child(path, name);
            }

            (Pruned ??= []).Add(FieldPath.Child(path, key));
        }
    }
}
