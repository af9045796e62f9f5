using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using Karmada.Client;

namespace Karmada.Controllers.Binding;

/// <summary>
/// Maps an <c>apiVersion</c> and <c>kind</c> to the REST resource serving it, from the API server's discovery
/// document of that group/version (a RESTMapper for the kinds bindings reference). Documents are cached; an unknown
/// kind refetches the document once, so CRDs established later are found.
/// </summary>
public sealed class ResourceKindMapper
{
    private readonly KubeApiClient _client;
    private readonly ConcurrentDictionary<string, IReadOnlyDictionary<string, ResourceRef>> _byGroupVersion = new(StringComparer.Ordinal);

    public ResourceKindMapper(KubeApiClient client)
    {
        ArgumentNullException.ThrowIfNull(client);
        _client = client;
    }

    /// <summary>The resource of <paramref name="kind"/> in <paramref name="apiVersion"/>.</summary>
    /// <exception cref="ResourceKindNotFoundException">The API server does not serve the kind.</exception>
    public async Task<ResourceRef> ResolveAsync(string apiVersion, string kind, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(apiVersion);
        ArgumentException.ThrowIfNullOrEmpty(kind);
        if (_byGroupVersion.TryGetValue(apiVersion, out var kinds) && kinds.TryGetValue(kind, out var cached))
        {
            return cached;
        }

        kinds = await DiscoverAsync(apiVersion, cancellationToken);
        _byGroupVersion[apiVersion] = kinds;
        return kinds.TryGetValue(kind, out var resource)
            ? resource
            : throw new ResourceKindNotFoundException($"no resource of kind {kind} is served in {apiVersion}");
    }

    private async Task<IReadOnlyDictionary<string, ResourceRef>> DiscoverAsync(string apiVersion, CancellationToken cancellationToken)
    {
        var slash = apiVersion.IndexOf('/', StringComparison.Ordinal);
        var (group, version) = slash < 0 ? ("", apiVersion) : (apiVersion[..slash], apiVersion[(slash + 1)..]);
        var path = group.Length == 0 ? $"/api/{version}" : $"/apis/{group}/{version}";
        JsonObject document;
        try
        {
            document = await _client.GetRawAsync(path, JsonObjectMeta.TypeInfo, cancellationToken);
        }
        catch (ApiException ex) when (ex.IsNotFound())
        {
            return new Dictionary<string, ResourceRef>(StringComparer.Ordinal);
        }

        var result = new Dictionary<string, ResourceRef>(StringComparer.Ordinal);
        foreach (var entry in (document["resources"] as JsonArray ?? []).OfType<JsonObject>())
        {
            var name = entry["name"]?.GetValue<string>();
            var kind = entry["kind"]?.GetValue<string>();

            // Subresources (deployments/status) share the kind of their parent.
            if (string.IsNullOrEmpty(name) || string.IsNullOrEmpty(kind) || name.Contains('/', StringComparison.Ordinal))
            {
                continue;
            }

            result.TryAdd(kind, new ResourceRef(group, version, name, entry["namespaced"]?.GetValue<bool>() ?? false));
        }

        return result;
    }
}
