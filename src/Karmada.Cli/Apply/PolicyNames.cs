using System.Globalization;
using System.Text;

namespace Karmada.Cli.Apply;

/// <summary>
/// Upstream's <c>names.GeneratePolicyName</c>, used by <c>apply --all-clusters</c> and <c>promote</c>: the resource's
/// name (':' turned into '.') and the safe-encoded FNV-1a hash of namespace + GVK string, lower-cased.
/// </summary>
public static class PolicyNames
{
    // apimachinery's rand.SafeEncodeString alphabet: no vowels, no look-alike characters.
    private const string SafeAlphabet = "bcdfghjklmnpqrstvwxz2456789";

    /// <param name="namespace">The resource's namespace; empty for cluster-scoped resources.</param>
    /// <param name="name">The resource's name.</param>
    /// <param name="gvk">Go's <c>schema.GroupVersionKind.String()</c>, e.g. <c>apps/v1, Kind=Deployment</c>.</param>
    public static string Generate(string @namespace, string name, string gvk)
    {
        ArgumentNullException.ThrowIfNull(@namespace);
        ArgumentNullException.ThrowIfNull(name);
        ArgumentNullException.ThrowIfNull(gvk);
        return $"{name.Replace(':', '.')}-{SafeEncode(Fnv1a32(@namespace + gvk))}".ToLowerInvariant();
    }

    /// <summary>Go's <c>GroupVersionKind.String()</c>: <c>group/version, Kind=Kind</c> (<c>/v1, Kind=ConfigMap</c> for core).</summary>
    public static string GvkString(string apiVersion, string kind)
    {
        ArgumentNullException.ThrowIfNull(apiVersion);
        var slash = apiVersion.IndexOf('/', StringComparison.Ordinal);
        var (group, version) = slash < 0 ? ("", apiVersion) : (apiVersion[..slash], apiVersion[(slash + 1)..]);
        return $"{group}/{version}, Kind={kind}";
    }

    private static uint Fnv1a32(string text)
    {
        var hash = 2166136261u;
        foreach (var b in Encoding.UTF8.GetBytes(text))
        {
            hash = unchecked((hash ^ b) * 16777619u);
        }

        return hash;
    }

    private static string SafeEncode(uint value)
    {
        var digits = value.ToString(CultureInfo.InvariantCulture);
        var result = new StringBuilder(digits.Length);
        foreach (var c in digits)
        {
            result.Append(SafeAlphabet[c % SafeAlphabet.Length]);
        }

        return result.ToString();
    }
}
