using System.Globalization;
using System.Text;

namespace Karmada.Controllers.Binding;

/// <summary>
/// Upstream's Work naming (<c>names.GenerateWorkName</c>): <c>&lt;short lower-case name&gt;-&lt;safe-encoded FNV-1a of
/// "namespace-name-kind"&gt;</c>, the same name in every execution namespace, so a Work is found without a lookup.
/// </summary>
public static class WorkNames
{
    // A label value is at most 63 characters: 52 for the name plus "-" and the up-to-10-character hash.
    private const int MaxNameLength = 52;

    // apimachinery's rand.SafeEncodeString alphabet: no vowels, no look-alike characters.
    private const string SafeAlphabet = "bcdfghjklmnpqrstvwxz2456789";

    /// <summary>The Work name of a resource template; <paramref name="namespace"/> is empty for cluster-scoped templates.</summary>
    public static string GenerateWorkName(string kind, string name, string? @namespace)
    {
        ArgumentNullException.ThrowIfNull(kind);
        ArgumentNullException.ThrowIfNull(name);

        // RBAC names may hold ':' which a Work name (a DNS subdomain) may not.
        name = name.Replace(':', '.').ToLowerInvariant();
        var hashed = string.IsNullOrEmpty(@namespace)
            ? $"{name}-{kind}".ToLowerInvariant()
            : $"{@namespace}-{name}-{kind}".ToLowerInvariant();
        return $"{ShortName(name)}-{SafeEncode(Fnv1a32(hashed))}";
    }

    /// <summary>
    /// Upstream's <c>ShortNameLabelValue</c>: names longer than 52 characters keep their leading parts (split at
    /// '.', '_' and '-') and abbreviate the rest to initials.
    /// </summary>
    public static string ShortName(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        if (name.Length <= MaxNameLength)
        {
            return name;
        }

        var parts = name.Split(['.', '_', '-']);
        int length = 0, index = 0, trim = 0;
        for (var i = 0; i < parts.Length; i++)
        {
            if (length + parts[i].Length + i < MaxNameLength)
            {
                length += parts[i].Length;
                continue;
            }

            if (i == 0)
            {
                index = 0;
                break;
            }

            for (var j = i; j > 0; j--)
            {
                trim = MaxNameLength - length - parts.Length;
                if (trim >= 0 && parts[j].Length > trim)
                {
                    index = j;
                    break;
                }

                length -= parts[j - 1].Length;
            }

            if (index != 0)
            {
                break;
            }
        }

        if (index == 0)
        {
            return name[..MaxNameLength];
        }

        var initials = new StringBuilder();
        if (trim == 0)
        {
            initials.Append(parts[index][..1]);
        }

        foreach (var part in parts[(index + 1)..])
        {
            if (part.Length > 0)
            {
                initials.Append(part[0]);
            }
        }

        var kept = new List<string>(parts[..index]);
        if (trim > 0)
        {
            kept.Add(parts[index][..trim]);
        }

        if (initials.Length > 0)
        {
            kept.Add(initials.ToString());
        }

        return string.Join('-', kept);
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
