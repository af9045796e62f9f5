using System.Collections.Concurrent;
using Karmada.ApiServer.OpenApi;
using Karmada.ApiServer.Resources;
using Karmada.Patching.Schema;

namespace Karmada.ApiServer.Registry;

/// <summary>
/// The patch metadata (merge keys, list types, strategies) of each resource: upstream's for built-in kinds, and for
/// custom kinds the list-type markers of their schema, as structured-merge-diff reads them.
/// </summary>
public sealed class PatchMetas(SchemaRegistry schemas)
{
    private readonly ConcurrentDictionary<ResourceDefinition, PatchMeta> _cache = new();

    public PatchMeta For(ResourceDefinition resource) => _cache.GetOrAdd(resource, r =>
        !r.IsCustom && BuiltInPatchMeta.TryGet(r.Group, r.Version, r.Kind, out var builtIn)
            ? builtIn
            : BuiltInPatchMeta.ForCustomResource(schemas.StructuralFor(r)));
}
