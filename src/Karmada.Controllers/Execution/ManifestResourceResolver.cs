using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using Karmada.Client;

namespace Karmada.Controllers.Execution;

/// <summary>
/// Maps a manifest's apiVersion and kind to the member's REST resource (plural, scope) through the member's discovery
/// document of that group/version (upstream's per-cluster RESTMapper). Answers are cached per cluster; a kind the
/// member does not serve is asked again next time, since a CRD may be installed meanwhile. One resolver serves the
/// execution and workStatus controllers of a process, and concurrent first lookups of a kind share one discovery
/// request: both controllers meet a new member's first Work at the same moment, and each asked the member once.
/// </summary>
public sealed class ManifestResourceResolver
{
    private readonly ConcurrentDictionary<(string Cluster, string ApiVersion, string Kind), ResourceRef> _cache = new();
    private readonly ConcurrentDictionary<(string Cluster, string ApiVersion, string Kind), Task<ResourceRef>> _inFlight = new();

    public async Task<ResourceRef> ResolveAsync(string cluster, KubeApiClient member, string apiVersion, string kind, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(member);
        var key = (cluster, apiVersion, kind);
        if (_cache.TryGetValue(key, out var cached))
        {
            return cached;
        }

        var mine = new TaskCompletionSource<ResourceRef>(TaskCreationOptions.RunContinuationsAsynchronously);
        var lookup = _inFlight.GetOrAdd(key, mine.Task);
        if (lookup == mine.Task)
        {
            // Not bound to this caller's token: others may wait on the same lookup (the member client's request
            // timeout bounds it).
            _ = LookupAsync(key, member, mine);
        }

        return await lookup.WaitAsync(cancellationToken);
    }

    private async Task LookupAsync((string Cluster, string ApiVersion, string Kind) key, KubeApiClient member, TaskCompletionSource<ResourceRef> result)
    {
        try
        {
            result.SetResult(await DiscoverAsync(key, member));
        }
        catch (Exception ex)
        {
            result.SetException(ex);
        }
        finally
        {
            // Answered (and cached) or failed: the next caller asks again.
            _inFlight.TryRemove(KeyValuePair.Create(key, result.Task));
        }
    }

    private async Task<ResourceRef> DiscoverAsync((string Cluster, string ApiVersion, string Kind) key, KubeApiClient member)
    {
        var (cluster, apiVersion, kind) = key;
        var cancellationToken = CancellationToken.None;
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
