using System.Text.Json.Nodes;
using Karmada.Client;

namespace Karmada.Cli.Resources;

/// <summary>
/// Turns what a user types (<c>deploy</c>, <c>deployments</c>, <c>Deployment</c>, <c>deployments.apps</c>,
/// <c>deployment.v1.apps</c>) into the served resource, from the API server's discovery, as kubectl's RESTMapper does.
/// </summary>
public static class ResourceTypeResolver
{
    /// <summary>Every top-level resource of each group's preferred version, the core group first.</summary>
    public static async Task<List<DiscoveredResource>> DiscoverAsync(KubeApiClient client, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(client);
        var result = new List<DiscoveredResource>();
        result.AddRange(Parse(await client.GetRawAsync("/api/v1", JsonObjectMeta.TypeInfo, cancellationToken), "", "v1"));
        var groups = await client.GetRawAsync("/apis", JsonObjectMeta.TypeInfo, cancellationToken);
        foreach (var (group, version) in Controllers.Detector.ApiResourceDiscovery.PreferredGroupVersions(groups))
        {
            try
            {
                result.AddRange(Parse(await client.GetRawAsync($"/apis/{group}/{version}", JsonObjectMeta.TypeInfo, cancellationToken), group, version));
            }
            catch (ApiException ex) when (ex.IsNotFound())
            {
                // Removed between the two requests.
            }
        }

        return result;
    }

    /// <summary>The resources of one <c>APIResourceList</c> (subresources left out).</summary>
    public static IEnumerable<DiscoveredResource> Parse(JsonObject resourceList, string group, string version)
    {
        ArgumentNullException.ThrowIfNull(resourceList);
        foreach (var entry in (resourceList["resources"] as JsonArray ?? []).OfType<JsonObject>())
        {
            var name = (string?)entry["name"];
            var kind = (string?)entry["kind"];
            if (string.IsNullOrEmpty(name) || string.IsNullOrEmpty(kind) || name.Contains('/', StringComparison.Ordinal))
            {
                continue;
            }

            var shortNames = (entry["shortNames"] as JsonArray ?? []).Select(n => (string?)n).OfType<string>().ToList();
            var singular = (string?)entry["singularName"] is { Length: > 0 } s ? s : kind.ToLowerInvariant();
            yield return new DiscoveredResource(new ResourceRef(group, version, name, (bool?)entry["namespaced"] ?? false), kind, singular, shortNames);
        }
    }

    /// <summary>The resource <paramref name="text"/> names; throws a <see cref="CliException"/> when none does.</summary>
    public static DiscoveredResource Resolve(IReadOnlyList<DiscoveredResource> resources, string text)
    {
        ArgumentNullException.ThrowIfNull(resources);
        ArgumentException.ThrowIfNullOrEmpty(text);
        var dot = text.IndexOf('.', StringComparison.Ordinal);
        var name = dot < 0 ? text : text[..dot];
        var qualifier = dot < 0 ? null : text[(dot + 1)..];
        foreach (var resource in resources)
        {
            if (!Names(resource).Contains(name, StringComparer.OrdinalIgnoreCase))
            {
                continue;
            }

            if (qualifier is null
                || string.Equals(qualifier, resource.Resource.Group, StringComparison.OrdinalIgnoreCase)
                || string.Equals(qualifier, $"{resource.Resource.Version}.{resource.Resource.Group}", StringComparison.OrdinalIgnoreCase))
            {
                return resource;
            }
        }

        throw new CliException($"the server doesn't have a resource type \"{text}\"; 'kubectl api-resources' lists the types.");
    }

    private static IEnumerable<string> Names(DiscoveredResource resource) =>
        [resource.Resource.Plural, resource.Singular, resource.Kind, .. resource.ShortNames];
}
