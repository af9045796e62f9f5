using Microsoft.Extensions.Primitives;

namespace Karmada.ApiServer.Discovery;

/// <summary>
/// A discovery document serialized once, with a strong ETag over its bytes: kube-apiserver serves aggregated discovery
/// with an ETag and answers a matching <c>If-None-Match</c> with <c>304 Not Modified</c>, so a client that polls it
/// (the cluster status controller, every period per member) neither receives nor parses an unchanged document.
/// </summary>
public sealed record SerializedDiscoveryDocument(byte[] Utf8Json, string ETag)
{
    /// <summary>Whether an <c>If-None-Match</c> header names this document (or <c>*</c>).</summary>
    public bool IsMatchedBy(StringValues ifNoneMatch)
    {
        foreach (var value in ifNoneMatch)
        {
            foreach (var range in (value ?? "").Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
            {
                // Weak comparison, as RFC 9110 asks of If-None-Match.
                var tag = range.StartsWith("W/", StringComparison.Ordinal) ? range[2..] : range;
                if (tag == "*" || tag == ETag)
                {
                    return true;
                }
            }
        }

        return false;
    }
}
