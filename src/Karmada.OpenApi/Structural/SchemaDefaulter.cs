using System.Text.Json.Nodes;
using Karmada.Json;

namespace Karmada.OpenApi.Structural;

/// <summary>
/// Applies <c>default</c> values of a structural schema as apiextensions-apiserver does when it decodes a custom
/// resource: absent fields (and non-nullable nulls) get a deep copy of their default, and defaulting then descends
/// into every field, so defaults inside defaults and inside list items apply too.
/// </summary>
public static class SchemaDefaulter
{
    /// <summary>Defaults <paramref name="value"/> in place.</summary>
    /// <param name="value">The object to default; scalars and null are left alone.</param>
    /// <param name="schema">A structural schema with all references inlined.</param>
    public static void Apply(JsonNode? value, JsonObject schema)
    {
        ArgumentNullException.ThrowIfNull(schema);
        Default(value, schema);
    }

    private static void Default(JsonNode? value, JsonObject? schema)
    {
        if (schema is null)
        {
            return;
        }

        switch (value)
        {
            case JsonObject obj:
                if (schema.GetProperties() is { } properties)
                {
                    foreach (var (name, node) in properties.ToList())
                    {
                        if (node is not JsonObject property || !property.HasDefault())
                        {
                            continue;
                        }

                        if (!obj.TryGetPropertyValue(name, out var current) || IsNonNullableNull(current, property))
                        {
                            obj[name] = property["default"]!.DeepClone();
                        }
                    }
                }

                var additional = schema.GetAdditionalProperties().Schema;
                foreach (var key in obj.Select(pair => pair.Key).ToList())
                {
                    if (schema.GetProperty(key) is { } property)
                    {
                        Default(obj[key], property);
                    }
                    else if (additional is not null)
                    {
                        if (IsNonNullableNull(obj[key], additional) && additional.HasDefault())
                        {
                            obj[key] = additional["default"]!.DeepClone();
                        }

                        Default(obj[key], additional);
                    }
                }

                break;
            case JsonArray array:
                var items = schema.GetItems();
                for (var i = 0; i < array.Count; i++)
                {
                    if (items is not null && IsNonNullableNull(array[i], items) && items.HasDefault())
                    {
                        array[i] = items["default"]!.DeepClone();
                    }

                    Default(array[i], items);
                }

                break;
        }
    }

    private static bool IsNonNullableNull(JsonNode? value, JsonObject schema) =>
        JsonValues.IsNull(value) && !schema.IsTrue("nullable");
}
