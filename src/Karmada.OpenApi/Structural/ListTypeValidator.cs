using System.Text.Json.Nodes;
using Karmada.Json;

namespace Karmada.OpenApi.Structural;

/// <summary>
/// apiextensions' <c>listtype.ValidateListSetsAndMaps</c>: items of <c>x-kubernetes-list-type: set</c> lists are
/// unique, and items of <c>map</c> lists are unique by their <c>x-kubernetes-list-map-keys</c>.
/// </summary>
internal static class ListTypeValidator
{
    public static void Validate(JsonObject obj, JsonObject? schema, string path, List<FieldError> errors) =>
        Validate(obj, schema, path, errors, null);

    /// <summary>
    /// Upstream validates the new object's lists only when the old object's lists are valid. Values that keep the list
    /// rules of their correlated old value (see <see cref="CorrelatedValue.KeepsListRules"/>) cannot fail then, so only
    /// the others are checked, and the old object only when one of them failed.
    /// </summary>
    public static void ValidateUpdate(JsonObject obj, JsonObject old, CorrelatedValue correlation, JsonObject? schema, string path, List<FieldError> errors)
    {
        var start = errors.Count;
        Validate(obj, schema, path, errors, correlation);
        if (errors.Count == start)
        {
            return;
        }

        var inOld = new List<FieldError>();
        Validate(old, schema, path, inOld, null);
        if (inOld.Count > 0)
        {
            errors.RemoveRange(start, errors.Count - start);
        }
    }

    private static void Validate(JsonObject obj, JsonObject? schema, string path, List<FieldError> errors, CorrelatedValue? old)
    {
        if (schema is null || Keeps(old))
        {
            return;
        }

        if (schema.GetAdditionalProperties().Schema is { } additional)
        {
            for (var i = 0; i < obj.Count; i++)
            {
                var (key, value) = obj.GetAt(i);
                if (IsCompound(value) && old?.Property(key) is var child && !Keeps(child))
                {
                    ValidateValue(value!, additional, FieldPath.Key(path, key), errors, child);
                }
            }
        }

        if (schema.GetProperties() is not null)
        {
            for (var i = 0; i < obj.Count; i++)
            {
                var (key, value) = obj.GetAt(i);
                if (IsCompound(value) && schema.GetProperty(key) is { } property && old?.Property(key) is var child && !Keeps(child))
                {
                    ValidateValue(value!, property, FieldPath.Child(path, key), errors, child);
                }
            }
        }
    }

    private static void ValidateValue(JsonNode value, JsonObject schema, string path, List<FieldError> errors, CorrelatedValue? old)
    {
        switch (value)
        {
            case JsonArray array:
                ValidateArray(array, schema, path, errors, old);
                break;
            case JsonObject obj:
                Validate(obj, schema, path, errors, old);
                break;
        }
    }

    private static void ValidateArray(JsonArray array, JsonObject schema, string path, List<FieldError> errors, CorrelatedValue? old)
    {
        switch (schema.GetString(SchemaAccess.ListType))
        {
            case "set":
                foreach (var index in NonUniqueIndices(array.Select(item => (JsonNode?)item).ToList()))
                {
                    errors.Add(FieldError.Duplicate(FieldPath.Index(path, index), array[index]?.DeepClone()));
                }

                break;
            case "map":
                ValidateListMap(array, schema, path, errors);
                break;
        }

        if (schema.GetItems() is { } items)
        {
            for (var i = 0; i < array.Count; i++)
            {
                if (IsCompound(array[i]) && old?.Item(i) is var item && !Keeps(item))
                {
                    ValidateValue(array[i]!, items, FieldPath.Index(path, i), errors, item);
                }
            }
        }
    }

    /// <summary>Only objects and lists hold lists; scalars need no walk (nor a path).</summary>
    private static bool IsCompound(JsonNode? value) => value is JsonObject or JsonArray;

    /// <summary>
    /// A value that keeps its old value's list rules cannot fail them. One unchanged but with repeated map keys is
    /// checked in full: its correlation has no children, so everything below it is validated.
    /// </summary>
    private static bool Keeps(CorrelatedValue? old) => old is { KeepsListRules: true };

    private static void ValidateListMap(JsonArray array, JsonObject schema, string path, List<FieldError> errors)
    {
        for (var i = 0; i < array.Count; i++)
        {
            if (array[i] is not null and not JsonObject && !JsonValues.IsNull(array[i]))
            {
                errors.Add(FieldError.Invalid(FieldPath.Index(path, i), array[i]!.DeepClone(), "must be an object for an array of list-type map"));
                return;
            }
        }

        if (array.Count <= 1)
        {
            return;
        }

        var keyFields = schema.GetArray(SchemaAccess.ListMapKeys)?.Select(JsonValues.AsString).OfType<string>().ToList() ?? [];

        // Every item is reduced to the object of its key fields; an absent key stays absent, so items without keys collide.
        var keys = new List<JsonNode?>(array.Count);
        foreach (var item in array)
        {
            var key = new JsonObject();
            if (item is JsonObject obj)
            {
                foreach (var field in keyFields)
                {
                    if (obj.TryGetPropertyValue(field, out var keyValue))
                    {
                        key[field] = keyValue?.DeepClone();
                    }
                }
            }

            keys.Add(key);
        }

        foreach (var index in NonUniqueIndices(keys))
        {
            errors.Add(FieldError.Duplicate(FieldPath.Index(path, index), keys[index]));
        }
    }

    /// <summary>The index of the second occurrence of each value that occurs more than once.</summary>
    private static List<int> NonUniqueIndices(List<JsonNode?> items)
    {
        var result = new List<int>();
        if (items.Count <= 1)
        {
            return result;
        }

        var seen = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < items.Count; i++)
        {
            // Go compares scalars by type and value (int64 1 differs from float64 1) and compounds by their JSON.
            var identity = JsonValues.KindOf(items[i]) + ":" + GoJson.Marshal(items[i]);
            seen.TryGetValue(identity, out var times);
            seen[identity] = times + 1;
            if (times == 1)
            {
                result.Add(i);
            }
        }

        return result;
    }
}
