namespace Karmada.ApiServer.Http;

/// <summary>Content negotiation for the few representations kubectl and clients ask for.</summary>
public static class MediaTypes
{
    public const string Json = "application/json";
    public const string Yaml = "application/yaml";
    public const string Protobuf = "application/vnd.kubernetes.protobuf";
    public const string MergePatch = "application/merge-patch+json";
    public const string JsonPatch = "application/json-patch+json";
    public const string StrategicMergePatch = "application/strategic-merge-patch+json";
    public const string ApplyPatch = "application/apply-patch+yaml";
    public const string ApplyPatchCbor = "application/apply-patch+cbor";

    /// <summary>Whether the Accept header asks for a meta.k8s.io Table (kubectl get's default output).</summary>
    public static bool WantsTable(string? accept) =>
        accept is not null && accept.Contains("as=Table", StringComparison.Ordinal) && FirstAcceptable(accept).Contains("as=Table", StringComparison.Ordinal);

    /// <summary>Which aggregated discovery version the client accepts first, or null for the legacy form.</summary>
    public static string? AggregatedDiscoveryVersion(string? accept)
    {
        if (accept is null || !accept.Contains("as=APIGroupDiscoveryList", StringComparison.Ordinal))
        {
            return null;
        }

        foreach (var part in accept.Split(','))
        {
            if (!part.Contains("as=APIGroupDiscoveryList", StringComparison.Ordinal))
            {
                continue;
            }

            if (part.Contains("v=v2beta1", StringComparison.Ordinal))
            {
                return "v2beta1";
            }

            if (part.Contains("v=v2", StringComparison.Ordinal))
            {
                return "v2";
            }
        }

        return null;
    }

    /// <summary>The media type without parameters, lower-cased.</summary>
    public static string Essence(string? contentType)
    {
        if (string.IsNullOrEmpty(contentType))
        {
            return "";
        }

        var semicolon = contentType.IndexOf(';', StringComparison.Ordinal);
        return (semicolon >= 0 ? contentType[..semicolon] : contentType).Trim().ToLowerInvariant();
    }

    private static string FirstAcceptable(string accept)
    {
        // kubectl lists Table first and plain JSON last; a client that lists JSON first wants objects.
        var first = accept.Split(',')[0];
        return first;
    }
}
