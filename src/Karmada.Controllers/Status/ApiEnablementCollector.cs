using System.Text.Json.Nodes;
using Karmada.Client;
using ClusterV1Alpha1 = Karmada.Api.Cluster.V1Alpha1;

namespace Karmada.Controllers.Status;

/// <summary>
/// Collects a member's served APIs from discovery (<c>/api</c>, <c>/apis</c> and each group/version), leaving out
/// subresources, sorted by group/version and resource name (upstream <c>GetAPIEnablements</c>).
/// </summary>
public static class ApiEnablementCollector
{
    /// <summary>The enablements and whether every group/version answered.</summary>
    public static async Task<(List<ClusterV1Alpha1.APIEnablement> Enablements, bool Complete)> CollectAsync(KubeApiClient member, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(member);
        var groupVersions = new List<(string GroupVersion, string Path)>();

        // The discovery documents are independent: fetch them concurrently so one round costs a few round trips, not
        // one per group/version (it gates how soon a newly joined cluster turns Ready).
        var coreFetch = GetJsonAsync(member, "/api", cancellationToken);
        var groupsFetch = GetJsonAsync(member, "/apis", cancellationToken);
        var core = await coreFetch;
        if (core?["versions"] is JsonArray versions)
        {
            groupVersions.AddRange(versions.Select(v => v?.GetValue<string>()).OfType<string>().Select(v => (v, $"/api/{v}")));
        }

        var groups = await groupsFetch;
        if (groups?["groups"] is JsonArray groupList)
        {
            foreach (var group in groupList.OfType<JsonObject>())
            {
                if (group["versions"] is JsonArray groupVersionList)
                {
                    groupVersions.AddRange(groupVersionList.OfType<JsonObject>()
                        .Select(v => v["groupVersion"]?.GetValue<string>())
                        .OfType<string>()
                        .Select(gv => (gv, $"/apis/{gv}")));
                }
            }
        }

        var complete = core is not null && groups is not null;
        var result = new List<ClusterV1Alpha1.APIEnablement>();
        var distinct = groupVersions.Distinct().ToList();
        var documents = await Task.WhenAll(distinct.Select(gv => GetJsonAsync(member, gv.Path, cancellationToken)));
        for (var i = 0; i < distinct.Count; i++)
        {
            var (groupVersion, document) = (distinct[i].GroupVersion, documents[i]);
            if (document?["resources"] is not JsonArray resources)
            {
                complete = false;
                continue;
            }

            var enablement = new ClusterV1Alpha1.APIEnablement
            {
                GroupVersion = groupVersion,
                Resources =
                [
                    .. resources.OfType<JsonObject>()
                        .Select(r => (Name: r["name"]?.GetValue<string>() ?? "", Kind: r["kind"]?.GetValue<string>() ?? ""))
                        .Where(r => r.Name.Length > 0 && !r.Name.Contains('/', StringComparison.Ordinal))
                        .OrderBy(r => r.Name, StringComparer.Ordinal)
                        .Select(r => new ClusterV1Alpha1.APIResource { Name = r.Name, Kind = r.Kind }),
                ],
            };
            result.Add(enablement);
        }

        result.Sort((a, b) => string.CompareOrdinal(a.GroupVersion, b.GroupVersion));
        return (result, complete);
    }

    private static async Task<JsonObject?> GetJsonAsync(KubeApiClient member, string path, CancellationToken cancellationToken)
    {
        try
        {
            return await member.GetRawAsync(path, JsonObjectMeta.TypeInfo, cancellationToken);
        }
        catch (Exception ex) when (ex is ApiException or HttpRequestException or IOException or TimeoutException or System.Text.Json.JsonException)
        {
            return null;
        }
    }
}
