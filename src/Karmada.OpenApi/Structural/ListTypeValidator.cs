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
        Validate(obj, schema, path, errors, OldValue.None);

    /// <summary>
    /// Upstream validates the new object's lists only when the old object's lists are valid. Values unchanged from the
    /// old object at the same place then cannot fail either, so only the changed ones are checked, and the old object
    /// only when one of them failed.
    /// </summary>
    public static void ValidateUpdate(JsonObject obj, JsonObject? old, JsonObject? schema, string path, List<FieldError> errors)
    {
        var changed = new List<FieldError>();
        Validate(obj, schema, path, changed, old is null ? OldValue.None : OldValue.Of(old));
        if (changed.Count == 0 || old is null)
        {
            errors.AddRange(changed);
            return;
        }

        var inOld = new List<FieldError>();
        Validate(old, schema, path, inOld, OldValue.None);
        if (inOld.Count == 0)
        {
            errors.AddRange(changed);
        }
    }

    private static void Validate(JsonObject obj, JsonObject? schema, string path, List<FieldError> errors, OldValue old)
    {
        if (schema is null || old.IsUnchanged(obj))
        {
            return;
        }

        if (schema.GetAdditionalProperties().Schema is { } additional)
        {
            foreach (var (key, value) in obj)
            {
                ValidateValue(value, additional, FieldPath.Key(path, key), errors, old.Property(key));
            }
        }

        if (schema.GetProperties() is not null)
        {
            foreach (var (key, value) in obj)
            {
                if (schema.GetProperty(key) is { } property)
                {
                    ValidateValue(value, property, FieldPath.Child(path, key), errors, old.Property(key));
                }
            }
        }
    }

    private static void ValidateValue(JsonNode? value, JsonObject schema, string path, List<FieldError> errors, OldValue old)
    {
        switch (value)
        {
            case JsonArray array when !old.IsUnchanged(array):
                ValidateArray(array, schema, path, errors, old);
                break;
            case JsonObject obj:
                Validate(obj, schema, path, errors, old);
                break;
        }
    }

    private static void ValidateArray(JsonArray array, JsonObject schema, string path, List<FieldError> errors, OldValue old)
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
            var correlation = OldListItems.For(array, schema, old);
            for (var i = 0; i < array.Count; i++)
            {
                ValidateValue(array[i], items, FieldPath.Index(path, i), errors, correlation.At(i));
            }
        }
    }

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
