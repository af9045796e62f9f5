using System.Text.Json.Nodes;
using Karmada.Client;

namespace Karmada.Controllers.Detector;

/// <summary>
/// Finds the resources that can hold resource templates (upstream <c>lifted.GetDeletableResources</c>): every
/// top-level resource (no subresources) of each group's preferred version that supports delete, list and watch.
/// </summary>
public static class ApiResourceDiscovery
{
    private static readonly string[] RequiredVerbs = ["delete", "list", "watch"];

    /// <summary>
    /// Reads <c>/api</c>, <c>/apis</c> and each preferred group/version. A group/version that fails to answer is left
    /// out this time (it is retried on the next discovery), as upstream tolerates partial discovery failures.
    /// </summary>
    public static async Task<IReadOnlyList<TemplateResource>> DiscoverAsync(KubeApiClient client, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(client);
        var groupVersions = new List<(string Group, string Version)>();
        var core = await client.GetRawAsync("/api", JsonObjectMeta.TypeInfo, cancellationToken);
        if (core["versions"] is JsonArray { Count: > 0 } versions && versions[0]?.GetValue<string>() is { } coreVersion)
        {
            groupVersions.Add((string.Empty, coreVersion));
        }

        var groups = await client.GetRawAsync("/apis", JsonObjectMeta.TypeInfo, cancellationToken);
        groupVersions.AddRange(PreferredGroupVersions(groups));

        var result = new List<TemplateResource>();
        foreach (var (group, version) in groupVersions)
        {
            var path = group.Length == 0 ? $"/api/{version}" : $"/apis/{group}/{version}";
            JsonObject document;
            try
            {
                document = await client.GetRawAsync(path, JsonObjectMeta.TypeInfo, cancellationToken);
            }
            catch (ApiException ex) when (ex.IsNotFound())
            {
                // A CRD version removed between the two requests.
                continue;
            }

            result.AddRange(DeletableResources(document, group, version));
        }

        return result;
    }

    /// <summary>The preferred version of each group of an <c>APIGroupList</c>.</summary>
    public static IEnumerable<(string Group, string Version)> PreferredGroupVersions(JsonObject groupList)
    {
        ArgumentNullException.ThrowIfNull(groupList);
        if (groupList["groups"] is not JsonArray groups)
        {
            yield break;
        }

        foreach (var group in groups.OfType<JsonObject>())
        {
            var name = group["name"]?.GetValue<string>();
            var version = group["preferredVersion"]?["version"]?.GetValue<string>()
                ?? (group["versions"] as JsonArray)?.OfType<JsonObject>().FirstOrDefault()?["version"]?.GetValue<string>();
            if (!string.IsNullOrEmpty(name) && !string.IsNullOrEmpty(version))
            {
                yield return (name, version);
            }
        }
    }

    /// <summary>The top-level resources of an <c>APIResourceList</c> that support delete, list and watch.</summary>
    public static IEnumerable<TemplateResource> DeletableResources(JsonObject resourceList, string group, string version)
    {
        ArgumentNullException.ThrowIfNull(resourceList);
        if (resourceList["resources"] is not JsonArray resources)
        {
            yield break;
        }

        foreach (var resource in resources.OfType<JsonObject>())
        {
            var name = resource["name"]?.GetValue<string>();
            var kind = resource["kind"]?.GetValue<string>();
            if (string.IsNullOrEmpty(name) || string.IsNullOrEmpty(kind) || name.Contains('/', StringComparison.Ordinal))
            {
                continue;
            }

            var verbs = (resource["verbs"] as JsonArray)?.Select(v => v?.GetValue<string>()).OfType<string>().ToHashSet(StringComparer.Ordinal) ?? [];
            if (!RequiredVerbs.All(verbs.Contains))
            {
                continue;
            }

            var namespaced = resource["namespaced"]?.GetValue<bool>() ?? false;
            yield return new TemplateResource(new ResourceRef(group, version, name, namespaced), kind);
        }
    }
}
