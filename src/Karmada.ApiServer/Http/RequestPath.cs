using Karmada.ApiServer.Resources;

namespace Karmada.ApiServer.Http;

/// <summary>
/// Parses resource URLs. <c>/api/v1/namespaces/{x}/{y}</c> is a collection in namespace x only when y is a
/// namespaced resource of the group version; otherwise it is namespace x's subresource y.
/// </summary>
public static class RequestPath
{
    // Every request is parsed, so segments are ranges of the path: only the parts the request keeps become strings.
    private const int MaxSegments = 16;

    public static ApiRequest? Parse(ReadOnlySpan<char> path, ResourceCatalog catalog)
    {
        ArgumentNullException.ThrowIfNull(catalog);
        path = path.Trim('/');
        Span<Range> segments = stackalloc Range[MaxSegments];
        var count = path.Split(segments, '/', StringSplitOptions.RemoveEmptyEntries);
        if (count == MaxSegments)
        {
            // The last range may hold several segments: a path this long is not worth the fast path.
            return Parse(path.ToString().Split('/', StringSplitOptions.RemoveEmptyEntries), catalog);
        }

        segments = segments[..count];
        int index;
        string group, version;
        if (count >= 3 && path[segments[0]] is "api")
        {
            group = "";
            version = path[segments[1]].ToString();
            index = 2;
        }
        else if (count >= 4 && path[segments[0]] is "apis")
        {
            group = path[segments[1]].ToString();
            version = path[segments[2]].ToString();
            index = 3;
        }
        else
        {
            return null;
        }

        var rest = segments[index..];
        if (rest.Length >= 3 && path[rest[0]] is "namespaces")
        {
            var plural = path[rest[2]].ToString();
            var candidate = catalog.Find(group, version, plural);
            if (candidate is { Namespaced: true })
            {
                return new ApiRequest(group, version, Uri.UnescapeDataString(path[rest[1]]), plural,
                    rest.Length > 3 ? Uri.UnescapeDataString(path[rest[3]]) : null,
                    Joined(path, rest, 4));
            }
        }

        return new ApiRequest(group, version, null, path[rest[0]].ToString(),
            rest.Length > 1 ? Uri.UnescapeDataString(path[rest[1]]) : null,
            Joined(path, rest, 2));
    }

    /// <summary>The segments from <paramref name="from"/> on, joined by single slashes, or "" when there are none.</summary>
    private static string Joined(ReadOnlySpan<char> path, ReadOnlySpan<Range> rest, int from)
    {
        if (rest.Length <= from)
        {
            return "";
        }

        var segments = rest[from..];

        var whole = path[segments[0].Start..segments[^1].End];
        if (!whole.Contains("//", StringComparison.Ordinal))
        {
            return whole.ToString();
        }

        var parts = new string[segments.Length];
        for (var i = 0; i < parts.Length; i++)
        {
            parts[i] = path[segments[i]].ToString();
        }

        return string.Join('/', parts);
    }

    private static ApiRequest? Parse(string[] segments, ResourceCatalog catalog)
    {
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
