using System.Globalization;
using System.Text.Json.Nodes;
using Karmada.Json;
using Karmada.Patching.Schema;

namespace Karmada.Patching.ServerSideApply;

/// <summary>
/// Identifies list items the way server-side apply does: by their key fields in keyed lists, by value in sets.
/// Strict identification (for applied configurations) rejects what upstream rejects; lenient identification
/// (for stored objects, which upstream also reads with duplicates allowed) falls back to the item's index.
/// </summary>
internal static class ListItemIdentity
{
    public static PathElement Identify(JsonNode? item, int index, PatchMeta list, bool strict, FieldPath listPath)
    {
        switch (list.ListType)
        {
            case ListType.Map when list.ListMapKeys.Count > 0:
                if (item is not JsonObject obj)
                {
                    return strict
                        ? throw Violation(listPath, $"element {index}: expected map, got {GoValueFormat.TypeName(item)}")
                        : PathElement.IndexOf(index);
                }

                var fields = new List<KeyValuePair<string, JsonNode?>>();
                foreach (var key in list.ListMapKeys)
                {
                    if (obj.TryGetPropertyValue(key, out var value) && value is not null)
                    {
                        fields.Add(KeyValuePair.Create(key, (JsonNode?)value));
                    }
                    else if (list.KeyDefaults.TryGetValue(key, out var defaultValue))
                    {
                        fields.Add(KeyValuePair.Create(key, (JsonNode?)JsonValue.Create(defaultValue)));
                    }
                    else if (strict)
                    {
                        throw Violation(listPath, $"element {index}: associative list with keys has an element that omits key field {GoQuote.Quote(key)} (and doesn't have default value)");
                    }
                }

                return fields.Count > 0 ? PathElement.KeyOf(fields) : PathElement.IndexOf(index);
            case ListType.Map:
            case ListType.Set:
                if (!JsonValues.IsScalar(item))
                {
                    return strict
                        ? throw Violation(listPath, $"element {index}: associative list without keys has an element that's a {(item is JsonObject ? "map" : "list")} type")
                        : PathElement.IndexOf(index);
                }

                return PathElement.ValueOf(item);
            default:
                return PathElement.IndexOf(index);
        }
    }

    /// <summary>Identifies every item; in strict mode duplicates are an error, as upstream rejects them.</summary>
    public static List<(PathElement Element, JsonNode? Item)> IdentifyAll(JsonArray list, PatchMeta meta, bool strict, FieldPath listPath)
    {
        var result = new List<(PathElement Element, JsonNode? Item)>(list.Count);
        HashSet<PathElement>? seen = strict ? [] : null;
        for (var i = 0; i < list.Count; i++)
        {
            var element = Identify(list[i], i, meta, strict, listPath);
            if (seen is not null && !seen.Add(element))
            {
                throw Violation(listPath, $"duplicate entries for key {element}");
            }

            result.Add((element, list[i]));
        }

        return result;
    }

    private static SchemaViolationException Violation(FieldPath path, string message) =>
        new(string.Create(CultureInfo.InvariantCulture, $"{path}: {message}"));
}
