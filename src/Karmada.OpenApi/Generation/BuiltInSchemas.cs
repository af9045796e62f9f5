using System.Collections.Concurrent;
using System.Reflection;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using k8s.Models;

namespace Karmada.OpenApi.Generation;

/// <summary>
/// OpenAPI v3 component schemas of the Kubernetes built-in kinds, generated once and lazily from the KubernetesClient
/// models (every type with <see cref="KubernetesEntityAttribute"/> and everything it references), named as upstream
/// names them and described by the package's XML documentation.
/// </summary>
/// <remarks>
/// The models carry no <c>required</c> lists, list types or patch strategies. Non-nullable value-typed properties
/// (which the models generate for upstream's required fields) are required, and the list types and patch
/// strategies of the most used fields (containers, env, ports, volumes, conditions, ...) are transcribed from
/// k8s.io/api so that kubectl computes correct strategic merge patches from the documents.
/// </remarks>
public static class BuiltInSchemas
{
    /// <summary>The component of <c>metav1.ObjectMeta</c>.</summary>
    public const string ObjectMetaName = KubernetesModelNames.MetaPackage + ".v1.ObjectMeta";

    /// <summary>The component of <c>metav1.ListMeta</c>.</summary>
    public const string ListMetaName = KubernetesModelNames.MetaPackage + ".v1.ListMeta";

    /// <summary>The component of <c>metav1.Time</c>.</summary>
    public const string TimeName = KubernetesModelNames.MetaPackage + ".v1.Time";

    /// <summary>The component of <c>metav1.Patch</c>, the body of every PATCH operation.</summary>
    public const string PatchName = KubernetesModelNames.MetaPackage + ".v1.Patch";

    /// <summary>The component of <c>metav1.Status</c>.</summary>
    public const string StatusName = KubernetesModelNames.MetaPackage + ".v1.Status";

    /// <summary>The component of <c>metav1.DeleteOptions</c>.</summary>
    public const string DeleteOptionsName = KubernetesModelNames.MetaPackage + ".v1.DeleteOptions";

    /// <summary>The component of <c>intstr.IntOrString</c>.</summary>
    public const string IntOrStringName = "io.k8s.apimachinery.pkg.util.intstr.IntOrString";

    /// <summary>The component of <c>resource.Quantity</c>.</summary>
    public const string QuantityName = "io.k8s.apimachinery.pkg.api.resource.Quantity";

    /// <summary>The embedded resource with the filtered KubernetesClient documentation (see the project file).</summary>
    internal const string DocumentationResource = "Karmada.OpenApi.KubernetesModels.xml";

    private static readonly Lazy<Catalog> Built = new(Build, LazyThreadSafetyMode.ExecutionAndPublication);
    private static readonly ConcurrentDictionary<string, JsonObject> StructuralCache = new(StringComparer.Ordinal);

    /// <summary>Every component, keyed by its upstream name. Treat the schemas as read-only: they are shared.</summary>
    public static IReadOnlyDictionary<string, JsonObject> Components => Built.Value.Components;

    /// <summary>Every top-level kind of the models, lists included.</summary>
    public static IReadOnlyList<BuiltInKind> Kinds => Built.Value.Kinds;

    /// <summary>The structural <c>metav1.ObjectMeta</c>, used to prune metadata of resources and embedded resources.</summary>
    internal static JsonObject ObjectMetaStructural => GetStructuralByName(ObjectMetaName)
        ?? throw new InvalidOperationException("ObjectMeta is missing from the built-in schemas");

    /// <summary>The component name of a kind, e.g. <c>io.k8s.api.apps.v1.Deployment</c> for apps/v1 Deployment.</summary>
    /// <param name="group">The group, empty for core.</param>
    /// <param name="version">The version.</param>
    /// <param name="kind">The kind.</param>
    /// <param name="name">The component name when found.</param>
    /// <returns>Whether the kind is built in.</returns>
    public static bool TryGetComponentName(string group, string version, string kind, out string name) =>
        Built.Value.ByKind.TryGetValue((group, version, kind), out name!);

    /// <summary>The component name of a KubernetesClient model type, e.g. <c>io.k8s.api.core.v1.PodSpec</c> for V1PodSpec.</summary>
    /// <param name="modelType">A type of the k8s.Models namespace.</param>
    /// <param name="name">The component name when found.</param>
    /// <returns>Whether the type has a component.</returns>
    public static bool TryGetComponentName(Type modelType, out string name) => Built.Value.ByType.TryGetValue(modelType, out name!);

    /// <summary>
    /// A self-contained structural schema (references inlined, descriptions dropped) for validating, defaulting and
    /// pruning objects of a built-in kind. The instance is cached and shared: do not modify it.
    /// </summary>
    /// <param name="group">The group, empty for core.</param>
    /// <param name="version">The version.</param>
    /// <param name="kind">The kind.</param>
    /// <param name="schema">The structural schema when the kind is built in.</param>
    /// <returns>Whether the kind is built in.</returns>
    public static bool TryGetStructural(string group, string version, string kind, out JsonObject schema)
    {
        schema = null!;
        if (!TryGetComponentName(group, version, kind, out var name) || GetStructuralByName(name) is not { } structural)
        {
            return false;
        }

        schema = structural;
        return true;
    }

    private static JsonObject? GetStructuralByName(string name)
    {
        if (!Components.TryGetValue(name, out var component))
        {
            return null;
        }

        return StructuralCache.GetOrAdd(name, _ => Materialize(SchemaInliner.Inline(component, Components.GetValueOrDefault)));
    }

    /// <summary>
    /// Touches every node once. JsonObject and JsonArray build their storage lazily on first read, which is not
    /// thread-safe, and the cached schemas are read by concurrent requests.
    /// </summary>
    private static JsonObject Materialize(JsonObject schema)
    {
        var pending = new Stack<JsonNode>();
        pending.Push(schema);
        while (pending.Count > 0)
        {
            var children = pending.Pop() switch
            {
                JsonObject obj => obj.Select(pair => pair.Value),
                JsonArray array => array,
                _ => [],
            };
            foreach (var child in children)
            {
                if (child is not null)
                {
                    pending.Push(child);
                }
            }
        }

        return schema;
    }

    private static Catalog Build()
    {
        var documentation = LoadDocumentation();
        var assembly = typeof(V1ObjectMeta).Assembly;
        var entities = assembly.GetExportedTypes()
            .Where(type => type.Namespace == "k8s.Models" && type is { IsClass: true, IsGenericTypeDefinition: false })
            .Select(type => (Type: type, Entity: type.GetCustomAttribute<KubernetesEntityAttribute>()))
            .Where(pair => pair.Entity is { Kind.Length: > 0, ApiVersion.Length: > 0 })
            .OrderBy(pair => pair.Entity!.Group.Length == 0 ? 0 : 1)
            .ThenBy(pair => pair.Entity!.Group, StringComparer.Ordinal)
            .ThenBy(pair => pair.Entity!.ApiVersion, StringComparer.Ordinal)
            .ThenBy(pair => pair.Entity!.Kind, StringComparer.Ordinal)
            .ToList();

        var names = AssignNames(entities);
        var builder = new ComponentSchemaBuilder(
            type => names.TryGetValue(type, out var name) ? name : "k8s.Models." + type.Name,
            ModelProperties,
            documentation,
            SpecialSchema);

        var kinds = new List<BuiltInKind>();
        var byKind = new Dictionary<(string, string, string), string>();
        foreach (var (type, entity) in entities)
        {
            var name = builder.Add(type);
            var gvk = new JsonObject { ["group"] = entity!.Group, ["kind"] = entity.Kind, ["version"] = entity.ApiVersion };
            builder.SetExtension(name, "x-kubernetes-group-version-kind", new JsonArray(gvk));
            kinds.Add(new BuiltInKind(entity.Group, entity.ApiVersion, entity.Kind, entity.PluralName ?? string.Empty, name, type));
            byKind.TryAdd((entity.Group, entity.ApiVersion, entity.Kind), name);
        }

        var components = new Dictionary<string, JsonObject>(builder.Components, StringComparer.Ordinal);
        foreach (var (name, schema) in WellKnownComponents())
        {
            components[name] = schema;
        }

        BuiltInListExtensions.Apply(components);

        return new Catalog(components, kinds, byKind, names);
    }

    /// <summary>
    /// Names every model type. Kinds know their group; a type that is not a kind belongs to the group of the first
    /// kind that reaches it, core kinds first (PodSpec is core even though Deployments reference it too).
    /// </summary>
    private static Dictionary<Type, string> AssignNames(List<(Type Type, KubernetesEntityAttribute? Entity)> entities)
    {
        var names = new Dictionary<Type, string>();
        foreach (var (type, entity) in entities)
        {
            var (_, shortName, _) = KubernetesModelNames.Split(type);
            var package = entity!.ApiVersion == "v1" && KubernetesModelNames.MetaV1Types.Contains(shortName)
                ? KubernetesModelNames.MetaPackage
                : KubernetesModelNames.PackageForGroup(entity.Group);
            names[type] = $"{package}.{entity.ApiVersion}.{shortName}";
        }

        foreach (var (type, entity) in entities)
        {
            var claimPackage = KubernetesModelNames.PackageForGroup(entity!.Group);
            var pending = new Stack<Type>(ReferencedModels(type));
            while (pending.Count > 0)
            {
                var current = pending.Pop();
                if (names.ContainsKey(current))
                {
                    continue;
                }

                var (version, shortName, ownPackage) = KubernetesModelNames.Split(current);
                version ??= entity.ApiVersion;
                var package = ownPackage
                    ?? (version == "v1" && KubernetesModelNames.MetaV1Types.Contains(shortName) ? KubernetesModelNames.MetaPackage : claimPackage);
                names[current] = $"{package}.{version}.{shortName}";
                foreach (var next in ReferencedModels(current))
                {
                    pending.Push(next);
                }
            }
        }

        return names;
    }

    private static IEnumerable<Type> ReferencedModels(Type type)
    {
        foreach (var property in ModelProperties(type))
        {
            if (ModelTypeOf(property.Type) is { } model)
            {
                yield return model;
            }
        }
    }

    /// <summary>The model type a property holds, looking through nullables, lists and dictionaries.</summary>
    private static Type? ModelTypeOf(Type type)
    {
        type = Nullable.GetUnderlyingType(type) ?? type;
        if (type.IsGenericType)
        {
            return ModelTypeOf(type.GetGenericArguments()[^1]);
        }

        if (type.IsArray)
        {
            return ModelTypeOf(type.GetElementType()!);
        }

        return type.Namespace == "k8s.Models" && type.IsClass && type != typeof(IntOrString) && type != typeof(ResourceQuantity) ? type : null;
    }

    private static List<ModelProperty> ModelProperties(Type type) =>
        type.GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .Where(property => property.GetCustomAttribute<JsonIgnoreAttribute>() is null)
            .Select(property => (Property: property, Name: property.GetCustomAttribute<JsonPropertyNameAttribute>()?.Name))
            .Where(pair => pair.Name is not null)
            .Select(pair => new ModelProperty(pair.Name!, pair.Property.PropertyType, pair.Property,
                pair.Property.PropertyType.IsValueType && Nullable.GetUnderlyingType(pair.Property.PropertyType) is null))
            .ToList();

    private static JsonObject? SpecialSchema(Type type)
    {
        if (type == typeof(IntOrString))
        {
            return Reference(IntOrStringName);
        }

        if (type == typeof(ResourceQuantity))
        {
            return Reference(QuantityName);
        }

        return type == typeof(DateTime) || type == typeof(DateTimeOffset) ? Reference(TimeName) : null;
    }

    private static JsonObject Reference(string name) => new() { ["$ref"] = ComponentSchemaBuilder.RefPrefix + name };

    /// <summary>The apimachinery types that the models represent by CLR types or custom converters.</summary>
    private static IEnumerable<(string Name, JsonObject Schema)> WellKnownComponents()
    {
        yield return (IntOrStringName, new JsonObject
        {
            ["description"] = "IntOrString is a type that can hold an int32 or a string.  When used in JSON or YAML marshalling and unmarshalling, it produces or consumes the inner type.  This allows you to have, for example, a JSON field that can accept a name or number.",
            ["type"] = "string",
            ["format"] = "int-or-string",
            ["x-kubernetes-int-or-string"] = true,
        });
        yield return (QuantityName, new JsonObject
        {
            ["description"] = "Quantity is a fixed-point representation of a number. It provides convenient marshaling/unmarshaling in JSON and YAML, in addition to String() and AsInt64() accessors.\n\nThe serialization format is:\n\n``` <quantity>        ::= <signedNumber><suffix>\n\n\t(Note that <suffix> may be empty, from the \"\" case in <decimalSI>.)\n\n<digit>           ::= 0 | 1 | ... | 9 <digits>          ::= <digit> | <digit><digits> <number>          ::= <digits> | <digits>.<digits> | <digits>. | .<digits> <sign>            ::= \"+\" | \"-\" <signedNumber>    ::= <number> | <sign><number> <suffix>          ::= <binarySI> | <decimalExponent> | <decimalSI> <binarySI>        ::= Ki | Mi | Gi | Ti | Pi | Ei\n\n\t(International System of units; See: http://physics.nist.gov/cuu/Units/binary.html)\n\n<decimalSI>       ::= m | \"\" | k | M | G | T | P | E\n\n\t(Note that 1024 = 1Ki but 1000 = 1k; I didn't choose the capitalization.)\n\n<decimalExponent> ::= \"e\" <signedNumber> | \"E\" <signedNumber> ```",
            ["type"] = "string",
            ["format"] = "quantity",
            ["x-kubernetes-int-or-string"] = true,
        });
        yield return (TimeName, new JsonObject
        {
            ["description"] = "Time is a wrapper around time.Time which supports correct marshaling to YAML and JSON.  Wrappers are provided for many of the factory methods that the time package offers.",
            ["type"] = "string",
            ["format"] = "date-time",
        });
        yield return (PatchName, new JsonObject
        {
            ["description"] = "Patch is provided to give a concrete name and type to the Kubernetes PATCH request body.",
            ["type"] = "object",
        });
    }

    private static XmlDocumentation? LoadDocumentation()
    {
        using var stream = typeof(BuiltInSchemas).Assembly.GetManifestResourceStream(DocumentationResource);
        return stream is null ? null : XmlDocumentation.Load(stream);
    }

    private sealed record Catalog(
        IReadOnlyDictionary<string, JsonObject> Components,
        IReadOnlyList<BuiltInKind> Kinds,
        Dictionary<(string Group, string Version, string Kind), string> ByKind,
        Dictionary<Type, string> ByType);
}
