using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using Karmada.Client;

namespace Karmada.Controllers.Execution;

/// <summary>
/// Maps a manifest's apiVersion and kind to the member's REST resource (plural, scope) through the member's discovery
/// document of that group/version (upstream's per-cluster RESTMapper). Answers are cached per cluster; a kind the
/// member does not serve is asked again next time, since a CRD may be installed meanwhile.
/// </summary>
public sealed class ManifestResourceResolver
{
    private readonly ConcurrentDictionary<(string Cluster, string ApiVersion, string Kind), ResourceRef> _cache = new();

    public async Task<ResourceRef> ResolveAsync(string cluster, KubeApiClient member, string apiVersion, string kind, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(member);
        if (_cache.TryGetValue((cluster, apiVersion, kind), out var cached))
        {
            return cached;
        }

        var noMatch = $"no matches for kind \"{kind}\" in version \"{apiVersion}\"";
        if (apiVersion.Length == 0 || kind.Length == 0)
        {
            throw new ManifestResourceNotFoundException($"the manifest has no apiVersion or kind: {noMatch}");
        }

        JsonObject document;
        var path = apiVersion.Contains('/', StringComparison.Ordinal) ? $"/apis/{apiVersion}" : $"/api/{apiVersion}";
        try
        {
            document = await member.GetRawAsync(path, JsonObjectMeta.TypeInfo, cancellationToken);
        }
        catch (ApiException ex) when (ex.IsNotFound())
        {
            throw new ManifestResourceNotFoundException(noMatch, ex);
        }

        var match = (document["resources"] as JsonArray ?? [])
            .OfType<JsonObject>()
            .FirstOrDefault(r => r["kind"]?.GetValue<string>() == kind
                && r["name"]?.GetValue<string>() is { Length: > 0 } name
                && !name.Contains('/', StringComparison.Ordinal))
            ?? throw new ManifestResourceNotFoundException(noMatch);
        var identity = new ManifestIdentity(apiVersion, kind, null, "");
        var resource = new ResourceRef(identity.Group, identity.Version, match["name"]!.GetValue<string>(), match["namespaced"]?.GetValue<bool>() ?? false);
        _cache[(cluster, apiVersion, kind)] = resource;
        return resource;
    }

    /// <summary>Forgets what a cluster serves (the cluster left or was replaced).</summary>
    public void Forget(string cluster)
    {
        foreach (var key in _cache.Keys.Where(k => k.Cluster == cluster))
        {
            _cache.TryRemove(key, out _);
        }
    }
}
