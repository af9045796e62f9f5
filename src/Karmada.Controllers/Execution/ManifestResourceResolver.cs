using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using Karmada.Client;
using ClusterV1Alpha1 = Karmada.Api.Cluster.V1Alpha1;

namespace Karmada.Controllers.Execution;

/// <summary>
/// Maps a manifest's apiVersion and kind to the member's REST resource (plural, scope) through the member's discovery
/// document of that group/version (upstream's per-cluster RESTMapper). Answers are cached per cluster; a kind the
/// member does not serve is asked again next time, since a CRD may be installed meanwhile. One resolver serves the
/// execution and workStatus controllers of a process, and concurrent first lookups of a kind share one discovery
/// request: both controllers meet a new member's first Work at the same moment, and each asked the member once.
/// A cluster whose collected <c>status.apiEnablements</c> lists the kind is answered without asking it when another
/// cluster's discovery already told the scope of that resource (upstream resolves every member through one mapper):
/// a fan-out to 1,000 members asked each member for the same discovery document.
/// </summary>
public sealed class ManifestResourceResolver
{
    private readonly ConcurrentDictionary<(string Cluster, string ApiVersion, string Kind), ResourceRef> _cache = new();
    private readonly ConcurrentDictionary<(string Cluster, string ApiVersion, string Kind), Task<ResourceRef>> _inFlight = new();

    // The scope each discovered resource has, whichever member told it: (apiVersion, kind, plural) → namespaced.
    private readonly ConcurrentDictionary<(string ApiVersion, string Kind, string Resource), bool> _scopes = new();

    public Task<ResourceRef> ResolveAsync(string cluster, KubeApiClient member, string apiVersion, string kind, CancellationToken cancellationToken) =>
        ResolveAsync(cluster, member, apiVersion, kind, null, cancellationToken);

    /// <summary>
    /// The member's resource for <paramref name="apiVersion"/> and <paramref name="kind"/>; <paramref name="served"/>
    /// is the cluster's collected API enablements, which spare the discovery request when they list the kind.
    /// </summary>
    public async Task<ResourceRef> ResolveAsync(
        string cluster,
        KubeApiClient member,
        string apiVersion,
        string kind,
        IReadOnlyList<ClusterV1Alpha1.APIEnablement>? served,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(member);
        var key = (cluster, apiVersion, kind);
        if (_cache.TryGetValue(key, out var cached))
        {
            return cached;
        }

        if (ServedResource(served, apiVersion, kind) is { } plural && _scopes.TryGetValue((apiVersion, kind, plural), out var namespaced))
        {
            var identity = new ManifestIdentity(apiVersion, kind, null, "");
            var known = new ResourceRef(identity.Group, identity.Version, plural, namespaced);
            _cache[key] = known;
            return known;
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
        _scopes[(apiVersion, kind, resource.Plural)] = resource.Namespaced;
        _cache[(cluster, apiVersion, kind)] = resource;
        return resource;
    }

    // The plural the cluster's enablements list for the kind (subresources aside), or null.
    private static string? ServedResource(IReadOnlyList<ClusterV1Alpha1.APIEnablement>? served, string apiVersion, string kind)
    {
        if (served is null)
        {
            return null;
        }

        foreach (var enablement in served)
        {
            if (enablement.GroupVersion != apiVersion)
            {
                continue;
            }

            foreach (var resource in enablement.Resources)
            {
                if (resource.Kind == kind && resource.Name.Length > 0 && !resource.Name.Contains('/', StringComparison.Ordinal))
                {
                    return resource.Name;
                }
            }
        }

        return null;
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
