using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using Karmada.Api;
using Karmada.ApiServer.Resources;
using Karmada.OpenApi.Generation;

namespace Karmada.ApiServer.OpenApi;

/// <summary>
/// Where each served resource's schema comes from: a CRD's <c>openAPIV3Schema</c>, the Kubernetes models for
/// built-in kinds, or our typed models for Karmada's kinds. Gives OpenAPI components and self-contained structural
/// schemas for validation, defaulting and pruning.
/// </summary>
public sealed class SchemaRegistry
{
    private readonly Lazy<SchemaFromType> _karmada = new(CreateKarmadaSchemas);
    private readonly ConcurrentDictionary<Type, JsonObject> _structural = new();

    // The generator grows its component dictionaries as kinds are added and is not thread-safe; requests validate,
    // build documents and add kinds concurrently, so every use of it takes this lock.
    private readonly Lock _generatorLock = new();

    /// <summary>A snapshot of the Karmada kinds' components, by name.</summary>
    public IReadOnlyDictionary<string, JsonObject> KarmadaComponents
    {
        get
        {
            lock (_generatorLock)
            {
                return new SortedDictionary<string, JsonObject>(_karmada.Value.Components.ToDictionary(), StringComparer.Ordinal);
            }
        }
    }

    /// <summary>The self-contained structural schema of objects of <paramref name="resource"/>, if any.</summary>
    public JsonObject? StructuralFor(ResourceDefinition resource)
    {
        if (resource.Schema is { } crd)
        {
            return crd;
        }

        if (resource.ModelType is { } type)
        {
            return _structural.GetOrAdd(type, t =>
            {
                lock (_generatorLock)
                {
                    return _karmada.Value.GetStructural(t);
                }
            });
        }

        return BuiltInSchemas.TryGetStructural(resource.Group, resource.Version, resource.Kind, out var schema) ? schema : null;
    }

    /// <summary>The OpenAPI component name and schema of the kind, for documents.</summary>
    public (string? Name, JsonObject Schema)? ComponentFor(ResourceDefinition resource)
    {
        if (resource.Schema is { } crd)
        {
            return (null, crd);
        }

        if (resource.ModelType is { } type)
        {
            lock (_generatorLock)
            {
                var name = _karmada.Value.AddKind(type, resource.Group, resource.Version, resource.Kind);
                return (name, _karmada.Value.Components[name]);
            }
        }

        return BuiltInSchemas.TryGetComponentName(resource.Group, resource.Version, resource.Kind, out var builtIn)
            ? (builtIn, BuiltInSchemas.Components[builtIn])
            : null;
    }

    /// <summary>Builds the built-in and Karmada schemas once, off the request path.</summary>
    public void Warm()
    {
        _ = BuiltInSchemas.Components.Count;
        lock (_generatorLock)
        {
            foreach (var descriptor in KarmadaResources.All)
            {
                _karmada.Value.AddKind(descriptor.Type, descriptor.Group, descriptor.Version, descriptor.Kind);
            }
        }
    }

    private static SchemaFromType CreateKarmadaSchemas()
    {
        var docs = Path.Combine(AppContext.BaseDirectory, "Karmada.Api.xml");
        return new SchemaFromType(KarmadaJson.Options, File.Exists(docs) ? XmlDocumentation.Load(docs) : null);
    }
}
