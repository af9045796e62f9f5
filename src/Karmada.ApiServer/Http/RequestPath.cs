using Karmada.ApiServer.Resources;

namespace Karmada.ApiServer.Http;

/// <summary>
/// Parses resource URLs. <c>/api/v1/namespaces/{x}/{y}</c> is a collection in namespace x only when y is a
/// namespaced resource of the group version; otherwise it is namespace x's subresource y.
/// </summary>
public static class RequestPath
{
    public static ApiRequest? Parse(ReadOnlySpan<char> path, ResourceCatalog catalog)
    {
        var segments = path.ToString().Trim('/').Split('/', StringSplitOptions.RemoveEmptyEntries);
        int index;
        string group, version;
        if (segments.Length >= 3 && segments[0] == "api")
        {
            group = "";
            version = segments[1];
            index = 2;
        }
        else if (segments.Length >= 4 && segments[0] == "apis")
        {
            group = segments[1];
            version = segments[2];
            index = 3;
        }
        else
        {
            return null;
        }

        var rest = segments.AsSpan(index);
        if (rest.Length >= 3 && rest[0] == "namespaces")
        {
            var candidate = catalog.Find(group, version, rest[2]);
            if (candidate is { Namespaced: true })
            {
                return new ApiRequest(group, version, Uri.UnescapeDataString(rest[1]), rest[2],
                    rest.Length > 3 ? Uri.UnescapeDataString(rest[3]) : null,
                    rest.Length > 4 ? string.Join('/', rest[4..].ToArray()) : "");
            }
        }

        return new ApiRequest(group, version, null, rest[0],
            rest.Length > 1 ? Uri.UnescapeDataString(rest[1]) : null,
            rest.Length > 2 ? string.Join('/', rest[2..].ToArray()) : "");
    }
}
