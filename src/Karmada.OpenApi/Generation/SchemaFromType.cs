using System.Reflection;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization.Metadata;

namespace Karmada.OpenApi.Generation;

/// <summary>
/// Generates OpenAPI v3 component schemas for typed models serialized with System.Text.Json (Karmada's own kinds),
/// taking property names and requiredness from the serializer's <see cref="JsonTypeInfo"/> (so source-generated
/// contexts and <c>[JsonPropertyName]</c> are honoured) and descriptions from an XML documentation file.
/// </summary>
/// <remarks>
/// KubernetesClient model types that a model references (V1ObjectMeta, V1LabelSelector, IntOrString, ...) become
/// references to the <see cref="BuiltInSchemas"/> components instead of new components. Not thread-safe.
/// </remarks>
public sealed class SchemaFromType
{
    private readonly JsonSerializerOptions _options;
    private readonly ComponentSchemaBuilder _builder;
    private readonly HashSet<string> _preserveUnknownFields = new(StringComparer.Ordinal);

    /// <summary>Creates a generator.</summary>
    /// <param name="options">Serializer options whose type info resolver knows every model type (e.g. a source-generated context).</param>
    /// <param name="documentation">Documentation of the model assembly, or null for schemas without descriptions.</param>
    /// <param name="componentName">Names a component; defaults to the type's full name.</param>
    public SchemaFromType(JsonSerializerOptions options, XmlDocumentation? documentation = null, Func<Type, string>? componentName = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        _options = options;
        _builder = new ComponentSchemaBuilder(
            componentName ?? DefaultName,
            Properties,
            documentation,
            SpecialSchema);
    }

    /// <summary>The components generated so far, keyed by name. They may reference <see cref="BuiltInSchemas.Components"/>.</summary>
    public IReadOnlyDictionary<string, JsonObject> Components => _builder.Components;

    /// <summary>Generates the component of <paramref name="type"/> and of every type it references.</summary>
    /// <param name="type">An object type known to the serializer options.</param>
    /// <returns>The component name.</returns>
    public string Add(Type type)
    {
        ArgumentNullException.ThrowIfNull(type);
        var name = _builder.Add(type);
        foreach (var preserving in _preserveUnknownFields)
        {
            _builder.SetExtension(preserving, "x-kubernetes-preserve-unknown-fields", true);
        }

        return name;
    }

    /// <summary>
    /// Generates the component of a top-level kind and marks it with <c>x-kubernetes-group-version-kind</c>.
    /// </summary>
    /// <param name="type">The model type of the kind.</param>
    /// <param name="group">The API group.</param>
    /// <param name="version">The API version.</param>
    /// <param name="kind">The kind.</param>
    /// <returns>The component name.</returns>
    public string AddKind(Type type, string group, string version, string kind)
    {
        var name = Add(type);
        var gvk = new JsonObject { ["group"] = group, ["kind"] = kind, ["version"] = version };
        _builder.SetExtension(name, "x-kubernetes-group-version-kind", new JsonArray(gvk));
        return name;
    }

    /// <summary>
    /// A self-contained structural schema for <paramref name="type"/> (references to these and to built-in components
    /// inlined, descriptions dropped), for validating, defaulting and pruning objects of the type.
    /// </summary>
    /// <param name="type">An object type known to the serializer options.</param>
    /// <returns>A new schema.</returns>
    public JsonObject GetStructural(Type type)
    {
        var name = Add(type);
        return SchemaInliner.Inline(_builder.Components[name], Resolve);
    }

    private JsonObject? Resolve(string name) =>
        _builder.Components.TryGetValue(name, out var own) ? own : BuiltInSchemas.Components.GetValueOrDefault(name);

    private static string DefaultName(Type type) => (type.FullName ?? type.Name).Replace('+', '.');

    private static JsonObject? SpecialSchema(Type type) =>
        type.Namespace == "k8s.Models" && BuiltInSchemas.TryGetComponentName(type, out var name)
            ? new JsonObject { ["$ref"] = ComponentSchemaBuilder.RefPrefix + name }
            : type == typeof(k8s.Models.IntOrString)
                ? new JsonObject { ["$ref"] = ComponentSchemaBuilder.RefPrefix + BuiltInSchemas.IntOrStringName }
                : type == typeof(k8s.Models.ResourceQuantity)
                    ? new JsonObject { ["$ref"] = ComponentSchemaBuilder.RefPrefix + BuiltInSchemas.QuantityName }
                    : null;

    private List<ModelProperty> Properties(Type type)
    {
        var info = _options.GetTypeInfo(type);
        if (info.Kind != JsonTypeInfoKind.Object)
        {
            return [];
        }

        var properties = new List<ModelProperty>();
        foreach (var property in info.Properties)
        {
            if (property.IsExtensionData)
            {
                // [JsonExtensionData] keeps unknown fields, so the schema must not prune them.
                _preserveUnknownFields.Add(_builder.Add(type));
                continue;
            }

            if (property.Get is null)
            {
                continue;
            }

            properties.Add(new ModelProperty(property.Name, property.PropertyType, property.AttributeProvider as MemberInfo, property.IsRequired));
        }

        return properties;
    }
}
