using Karmada.Client;
using Karmada.Controllers.Detector;

namespace Karmada.Controllers.Dependencies;

/// <summary>
/// Maps an <c>apiVersion</c> and kind to the REST resource serving it (a small RESTMapper over discovery); a kind not
/// known yet triggers one rediscovery, for CRDs created since.
/// </summary>
public sealed class ResourceKindMapper
{
    private readonly KubeApiClient _client;
    private volatile Dictionary<(string ApiVersion, string Kind), ResourceRef> _known = [];

    public ResourceKindMapper(KubeApiClient client)
    {
        ArgumentNullException.ThrowIfNull(client);
        _client = client;
    }

    /// <summary>The resource of <paramref name="kind"/> at <paramref name="apiVersion"/>, or null when the server does not serve it.</summary>
    public async Task<ResourceRef?> FindAsync(string apiVersion, string kind, CancellationToken cancellationToken)
    {
        if (_known.TryGetValue((apiVersion, kind), out var resource))
        {
            return resource;
        }

        // Concurrent misses may both rediscover; the result is the same, so no lock is needed.
        var discovered = await ApiResourceDiscovery.DiscoverAsync(_client, cancellationToken);
        var known = discovered.GroupBy(r => (r.ApiVersion, r.Kind)).ToDictionary(g => g.Key, g => g.First().Resource);
        _known = known;
        return known.GetValueOrDefault((apiVersion, kind));
    }
}
