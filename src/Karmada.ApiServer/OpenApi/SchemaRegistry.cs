using System.Collections.Concurrent;
using System.Collections.Frozen;
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
/// <remarks>
/// The schemas it returns are shared: nothing here modifies one after returning it, so callers read them on any thread
/// without a lock, and must not modify them.
/// </remarks>
public sealed class SchemaRegistry
{
    private readonly Lazy<SchemaFromType> _karmada = new(CreateKarmadaSchemas);
    private readonly ConcurrentDictionary<Type, JsonObject> _structural = new();

    // The generator grows its component dictionaries as kinds are added and is not thread-safe; requests validate,
    // build documents and add kinds concurrently, so every use of it takes this lock.
    private readonly Lock _generatorLock = new();

    // The generator keeps modifying components it has generated (adding a kind marks its component again), so they
    // leave the lock only as this copy, which is replaced, never modified, when they change. Null when stale; guarded
    // by _generatorLock. Structural schemas do not need it: they are built of new nodes.
    private FrozenDictionary<string, JsonObject>? _published;

    /// <summary>The Karmada kinds' components, by name, as generated so far.</summary>
    public IReadOnlyDictionary<string, JsonObject> KarmadaComponents
    {
        get
        {
            lock (_generatorLock)
            {
                return Published();
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
            // The structural schema is built of new nodes (references inlined, values copied): it shares nothing
            // with the generator's components, so it is cached and read without the lock.
            return _structural.GetOrAdd(type, t =>
            {
                lock (_generatorLock)
                {
                    var generator = _karmada.Value;
                    var generated = generator.Components.Count;
                    var structural = generator.GetStructural(t);
                    InvalidateIfGrown(generated);
                    return structural;
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
                var generator = _karmada.Value;
                var generated = generator.Components.Count;
                var name = generator.AddKind(type, resource.Group, resource.Version, resource.Kind);
                InvalidateIfGrown(generated);

                // Marking a kind that was already marked the same way changes nothing; a new mark (a kind generated
                // earlier as a structural schema or as another kind's field) makes the published copy stale.
                var component = generator.Components[name];
                if (_published is { } published && !JsonNode.DeepEquals(published.GetValueOrDefault(name), component))
                {
                    _published = null;
                }

                return (name, Published()[name]);
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

            _published = null;
        }
    }

    // Adding a type generates components for it and the types it references, and marks the new ones that keep
    // unknown fields; components generated before are left as they were (or marked again the same way).
    private void InvalidateIfGrown(int generatedBefore)
    {
        if (_karmada.Value.Components.Count != generatedBefore)
        {
            _published = null;
        }
    }

    private FrozenDictionary<string, JsonObject> Published() =>
        _published ??= _karmada.Value.Components.ToFrozenDictionary(
            pair => pair.Key,
            pair => (JsonObject)pair.Value.DeepClone(),
            StringComparer.Ordinal);

    private static SchemaFromType CreateKarmadaSchemas()
    {
        var docs = Path.Combine(AppContext.BaseDirectory, "Karmada.Api.xml");
        return new SchemaFromType(KarmadaJson.Options, File.Exists(docs) ? XmlDocumentation.Load(docs) : null);
    }
}
