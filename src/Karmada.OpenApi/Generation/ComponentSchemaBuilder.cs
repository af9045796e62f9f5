using System.Reflection;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;

namespace Karmada.OpenApi.Generation;

/// <summary>
/// Turns CLR model types into OpenAPI v3 component schemas in the CRD dialect, with <c>$ref</c> between components
/// and descriptions from XML documentation. How object types are named and which properties they serialize is
/// supplied by the caller, so the same mapping serves the KubernetesClient models and Karmada's own types.
/// </summary>
internal sealed class ComponentSchemaBuilder(
    Func<Type, string> componentName,
    Func<Type, IReadOnlyList<ModelProperty>> propertiesOf,
    XmlDocumentation? documentation,
    Func<Type, JsonObject?> specialSchema)
{
    public const string RefPrefix = "#/components/schemas/";

    private readonly SortedDictionary<string, JsonObject> _components = new(StringComparer.Ordinal);
    private readonly Dictionary<Type, string> _names = [];

    public IReadOnlyDictionary<string, JsonObject> Components => _components;

    /// <summary>Adds the component of an object type and of everything it references.</summary>
    /// <returns>The component name.</returns>
    public string Add(Type type)
    {
        if (_names.TryGetValue(type, out var existing))
        {
            return existing;
        }

        var name = componentName(type);
        _names[type] = name;
        var schema = new JsonObject();
        _components[name] = schema;
        if (documentation?.GetSummary(type) is { } summary)
        {
            schema["description"] = summary;
        }

        schema["type"] = "object";
        var properties = new JsonObject();
        var required = new JsonArray();
        foreach (var property in propertiesOf(type))
        {
            properties[property.JsonName] = PropertySchema(property);
            if (property.Required)
            {
                required.Add(property.JsonName);
            }
        }

        if (properties.Count > 0)
        {
            schema["properties"] = properties;
        }

        if (required.Count > 0)
        {
            schema["required"] = required;
        }

        return name;
    }

    /// <summary>Sets a vendor extension on an already generated component.</summary>
    public void SetExtension(string component, string name, JsonNode value) => _components[component][name] = value;

    private JsonObject PropertySchema(ModelProperty property)
    {
        var schema = SchemaFor(property.Type);
        var description = property.Member is null ? null : documentation?.GetSummary(property.Member);
        if (description is null)
        {
            return schema;
        }

        // A $ref cannot carry siblings in OpenAPI 3.0; Kubernetes wraps it in a single-element allOf instead.
        if (schema.ContainsKey("$ref"))
        {
            return new JsonObject { ["description"] = description, ["allOf"] = new JsonArray(schema) };
        }

        var described = new JsonObject { ["description"] = description };
        foreach (var (key, value) in schema)
        {
            described[key] = value?.DeepClone();
        }

        return described;
    }

    /// <summary>The schema of a value of <paramref name="type"/>: inline for scalars and collections, a reference for objects.</summary>
    public JsonObject SchemaFor(Type type)
    {
        type = Nullable.GetUnderlyingType(type) ?? type;
        if (specialSchema(type) is { } special)
        {
            return special;
        }

        if (type == typeof(string) || type == typeof(char) || type == typeof(Guid) || type == typeof(Uri))
        {
            return new JsonObject { ["type"] = "string" };
        }

        if (type == typeof(bool))
        {
            return new JsonObject { ["type"] = "boolean" };
        }

        if (type == typeof(int) || type == typeof(short) || type == typeof(sbyte) || type == typeof(byte) || type == typeof(ushort))
        {
            return new JsonObject { ["type"] = "integer", ["format"] = "int32" };
        }

        if (type == typeof(long) || type == typeof(uint) || type == typeof(ulong))
        {
            return new JsonObject { ["type"] = "integer", ["format"] = "int64" };
        }

        if (type == typeof(double) || type == typeof(float) || type == typeof(decimal))
        {
            return new JsonObject { ["type"] = "number", ["format"] = "double" };
        }

        if (type == typeof(byte[]))
        {
            return new JsonObject { ["type"] = "string", ["format"] = "byte" };
        }

        if (type == typeof(DateTime) || type == typeof(DateTimeOffset))
        {
            return new JsonObject { ["type"] = "string", ["format"] = "date-time" };
        }

        if (type == typeof(TimeSpan))
        {
            return new JsonObject { ["type"] = "string", ["format"] = "duration" };
        }

        if (type == typeof(JsonObject))
        {
            return new JsonObject { ["type"] = "object", ["x-kubernetes-preserve-unknown-fields"] = true };
        }

        if (type == typeof(object) || type == typeof(JsonElement) || type == typeof(JsonNode) || type == typeof(JsonDocument) || type == typeof(JsonValue))
        {
            // Raw JSON (RawExtension, JSON): any value is accepted and kept.
            return new JsonObject { ["x-kubernetes-preserve-unknown-fields"] = true };
        }

        if (type.IsEnum)
        {
            return EnumSchema(type);
        }

        if (DictionaryValueType(type) is { } valueType)
        {
            return new JsonObject { ["type"] = "object", ["additionalProperties"] = SchemaFor(valueType) };
        }

        if (EnumerableItemType(type) is { } itemType)
        {
            return new JsonObject { ["type"] = "array", ["items"] = SchemaFor(itemType) };
        }

        return new JsonObject { ["$ref"] = RefPrefix + Add(type) };
    }

    private static JsonObject EnumSchema(Type type)
    {
        var values = new JsonArray();
        foreach (var field in type.GetFields(BindingFlags.Public | BindingFlags.Static))
        {
            values.Add(field.GetCustomAttribute<JsonStringEnumMemberNameAttribute>()?.Name ?? field.Name);
        }

        return new JsonObject { ["type"] = "string", ["enum"] = values };
    }

    private static Type? DictionaryValueType(Type type)
    {
        foreach (var candidate in type.GetInterfaces().Append(type))
        {
            if (candidate.IsGenericType
                && (candidate.GetGenericTypeDefinition() == typeof(IDictionary<,>) || candidate.GetGenericTypeDefinition() == typeof(IReadOnlyDictionary<,>))
                && candidate.GetGenericArguments()[0] == typeof(string))
            {
                return candidate.GetGenericArguments()[1];
            }
        }

        return null;
    }

    private static Type? EnumerableItemType(Type type)
    {
        if (type.IsArray)
        {
            return type.GetElementType();
        }

        foreach (var candidate in type.GetInterfaces().Append(type))
        {
            if (candidate.IsGenericType && candidate.GetGenericTypeDefinition() == typeof(IEnumerable<>))
            {
                return candidate.GetGenericArguments()[0];
            }
        }

        return null;
    }
}
