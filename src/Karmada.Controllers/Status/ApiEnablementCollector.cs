using System.Text.Json.Nodes;
using Karmada.Client;
using ClusterV1Alpha1 = Karmada.Api.Cluster.V1Alpha1;

namespace Karmada.Controllers.Status;

/// <summary>
/// Collects a member's served APIs from discovery, leaving out subresources, sorted by group/version and resource name
/// (upstream <c>GetAPIEnablements</c>). Like client-go's discovery client it asks for aggregated discovery first
/// (<c>/api</c> and <c>/apis</c> as <c>APIGroupDiscoveryList</c>: two requests per round); a member that does not serve
/// it answers with the legacy lists, and then each group/version document is fetched (one request each).
/// </summary>
public static class ApiEnablementCollector
{
    /// <summary>client-go's aggregated discovery Accept header: v2, then v2beta1, then the legacy documents.</summary>
    internal const string AggregatedAccept =
        "application/json;g=apidiscovery.k8s.io;v=v2;as=APIGroupDiscoveryList,application/json;g=apidiscovery.k8s.io;v=v2beta1;as=APIGroupDiscoveryList,application/json";

    /// <summary>The enablements and whether every group/version answered.</summary>
    public static Task<(List<ClusterV1Alpha1.APIEnablement> Enablements, bool Complete)> CollectAsync(KubeApiClient member, CancellationToken cancellationToken) =>
        CollectAsync(member, aggregated: true, cache: null, cancellationToken);

    /// <summary>
    /// As <see cref="CollectAsync(KubeApiClient, CancellationToken)"/>, asking for the aggregated documents only if they
    /// changed since <paramref name="cache"/>'s; when neither did, the list is <paramref name="cache"/>'s (not to be
    /// modified).
    /// </summary>
    public static Task<(List<ClusterV1Alpha1.APIEnablement> Enablements, bool Complete)> CollectAsync(KubeApiClient member, ApiEnablementCache cache, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(cache);
        return CollectAsync(member, aggregated: true, cache, cancellationToken);
    }

    /// <summary>As <see cref="CollectAsync(KubeApiClient, CancellationToken)"/>; <paramref name="aggregated"/> false asks for the legacy documents only.</summary>
    internal static async Task<(List<ClusterV1Alpha1.APIEnablement> Enablements, bool Complete)> CollectAsync(KubeApiClient member, bool aggregated, ApiEnablementCache? cache, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(member);

        // Both documents are independent: one round trip, not two.
        var coreFetch = FetchAsync(member, "/api", isCore: true, aggregated, cache?.Core, cancellationToken);
        var groupsFetch = FetchAsync(member, "/apis", isCore: false, aggregated, cache?.Groups, cancellationToken);
        var core = await coreFetch;
        var groups = await groupsFetch;
        if (cache is not null && core is not null && ReferenceEquals(core, cache.Core) && ReferenceEquals(groups, cache.Groups) && cache.Collected is { } unchanged)
        {
            return unchanged;
        }

        var result = new List<ClusterV1Alpha1.APIEnablement>();
        var complete = core is not null && groups is not null;
        var legacy = new List<(string GroupVersion, string Path)>();
        foreach (var part in new[] { core, groups })
        {
            if (part is not null)
            {
                result.AddRange(part.Enablements);
                complete &= part.Complete;
                legacy.AddRange(part.LegacyVersions);
            }
        }

        if (legacy.Count > 0)
        {
            // The per-group/version documents are independent: fetch them concurrently so one round costs a few round
            // trips, not one per group/version.
            var distinct = legacy.Distinct().ToList();
            var documents = await Task.WhenAll(distinct.Select(gv => GetJsonAsync(member, gv.Path, cancellationToken)));
            for (var i = 0; i < distinct.Count; i++)
            {
                if (documents[i]?["resources"] is not JsonArray resources)
                {
                    complete = false;
                    continue;
                }

                result.Add(Enablement(
                    distinct[i].GroupVersion,
                    resources.OfType<JsonObject>().Select(r => (r["name"]?.GetValue<string>() ?? "", r["kind"]?.GetValue<string>() ?? ""))));
            }
        }

        result.Sort((a, b) => string.CompareOrdinal(a.GroupVersion, b.GroupVersion));
        if (cache is not null)
        {
            // Only documents named by an ETag can be asked for conditionally; the rest is fetched in full next time.
            cache.Core = core?.ETag is null ? null : core;
            cache.Groups = groups?.ETag is null ? null : groups;
            cache.Collected = cache.Core is not null && cache.Groups is not null && legacy.Count == 0 ? (result, complete) : null;
        }

        return (result, complete);
    }

    /// <summary>Whether two enablement lists (as collected: sorted) are the same, without serializing them.</summary>
    public static bool AreEqual(IReadOnlyList<ClusterV1Alpha1.APIEnablement> left, IReadOnlyList<ClusterV1Alpha1.APIEnablement> right)
    {
        ArgumentNullException.ThrowIfNull(left);
        ArgumentNullException.ThrowIfNull(right);
        if (left.Count != right.Count)
        {
            return false;
        }

        for (var i = 0; i < left.Count; i++)
        {
            var (a, b) = (left[i], right[i]);
            if (a.GroupVersion != b.GroupVersion || a.Resources.Count != b.Resources.Count)
            {
                return false;
            }

            for (var j = 0; j < a.Resources.Count; j++)
            {
                if (a.Resources[j].Name != b.Resources[j].Name || a.Resources[j].Kind != b.Resources[j].Kind)
                {
                    return false;
                }
            }
        }

        return true;
    }

    private static bool IsAggregated(JsonObject document) =>
        document["kind"]?.GetValue<string>() == "APIGroupDiscoveryList" && document["items"] is JsonArray;

    /// <summary>Adds the group/versions of an aggregated document; false when a group/version is stale (its aggregated source failed).</summary>
    private static bool AddAggregated(JsonObject document, List<ClusterV1Alpha1.APIEnablement> result)
    {
        var complete = true;
        foreach (var group in ((JsonArray)document["items"]!).OfType<JsonObject>())
        {
            var groupName = group["metadata"]?["name"]?.GetValue<string>() ?? "";
            if (group["versions"] is not JsonArray versions)
            {
                continue;
            }

            foreach (var version in versions.OfType<JsonObject>())
            {
                if (version["version"]?.GetValue<string>() is not { Length: > 0 } versionName)
                {
                    continue;
                }

                if (version["freshness"]?.GetValue<string>() == "Stale")
                {
                    // client-go reports a stale group/version as failed discovery: leave it out, mark the list partial.
                    complete = false;
                    continue;
                }

                var resources = version["resources"] as JsonArray ?? [];
                result.Add(Enablement(
                    groupName.Length == 0 ? versionName : $"{groupName}/{versionName}",
                    resources.OfType<JsonObject>().Select(r => (r["resource"]?.GetValue<string>() ?? "", r["responseKind"]?["kind"]?.GetValue<string>() ?? ""))));
            }
        }

        return complete;
    }

    private static IEnumerable<(string GroupVersion, string Path)> LegacyCoreVersions(JsonObject document) =>
        document["versions"] is JsonArray versions
            ? versions.Select(v => v?.GetValue<string>()).OfType<string>().Select(v => (v, $"/api/{v}"))
            : [];

    private static IEnumerable<(string GroupVersion, string Path)> LegacyGroupVersions(JsonObject document) =>
        document["groups"] is JsonArray groups
            ? groups.OfType<JsonObject>()
                .SelectMany(g => g["versions"] as JsonArray ?? [])
                .OfType<JsonObject>()
                .Select(v => v["groupVersion"]?.GetValue<string>())
                .OfType<string>()
                .Select(gv => (gv, $"/apis/{gv}"))
            : [];

    private static ClusterV1Alpha1.APIEnablement Enablement(string groupVersion, IEnumerable<(string Name, string Kind)> resources) => new()
    {
        GroupVersion = groupVersion,
        Resources =
        [
            .. resources
                .Where(r => r.Name.Length > 0 && !r.Name.Contains('/', StringComparison.Ordinal))
                .OrderBy(r => r.Name, StringComparer.Ordinal)
                .Select(r => new ClusterV1Alpha1.APIResource { Name = r.Name, Kind = r.Kind }),
        ],
    };

    /// <summary>
    /// One discovery document's part: <paramref name="previous"/> itself when the member says its document did not
    /// change; null when the member could not be asked.
    /// </summary>
    private static async Task<DiscoveryDocumentPart?> FetchAsync(KubeApiClient member, string path, bool isCore, bool aggregated, DiscoveryDocumentPart? previous, CancellationToken cancellationToken)
    {
        if (!aggregated)
        {
            return await GetJsonAsync(member, path, cancellationToken) is { } legacyDocument ? Part(legacyDocument, isCore, etag: null) : null;
        }

        try
        {
            var answer = await member.GetRawIfNoneMatchAsync(path, AggregatedAccept, previous?.ETag, JsonObjectMeta.TypeInfo, cancellationToken);
            return answer.Body is { } document ? Part(document, isCore, answer.ETag) : previous;
        }
        catch (Exception ex) when (IsFetchFailure(ex))
        {
            return null;
        }
    }

    private static DiscoveryDocumentPart Part(JsonObject document, bool isCore, string? etag)
    {
        if (IsAggregated(document))
        {
            var enablements = new List<ClusterV1Alpha1.APIEnablement>();
            var complete = AddAggregated(document, enablements);
            return new DiscoveryDocumentPart(etag, enablements, complete, []);
        }

        // A member without aggregated discovery: its legacy list points to the documents to fetch, every time.
        return new DiscoveryDocumentPart(null, [], true, [.. isCore ? LegacyCoreVersions(document) : LegacyGroupVersions(document)]);
    }

    private static async Task<JsonObject?> GetJsonAsync(KubeApiClient member, string path, CancellationToken cancellationToken)
    {
        try
        {
            return await member.GetRawAsync(path, JsonObjectMeta.TypeInfo, cancellationToken);
        }
        catch (Exception ex) when (IsFetchFailure(ex))
        {
            return null;
        }
    }

    private static bool IsFetchFailure(Exception ex) =>
        ex is ApiException or HttpRequestException or IOException or TimeoutException or System.Text.Json.JsonException;
}
