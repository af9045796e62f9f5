using System.Text;

namespace Karmada.Scheduler.Apportionment;

/// <summary>
/// The Webster tie-breaker upstream derives from the resource UID: fewer seats first, then, when the FNV-1a 32-bit
/// hash of the UID is odd, the larger name, otherwise the smaller name. It spreads the odd replica of evenly weighted
/// workloads across clusters instead of always favouring the alphabetically first one. An empty UID keeps the default.
/// </summary>
public static class BindingTieBreaker
{
    private const uint FnvOffsetBasis = 2166136261;
    private const uint FnvPrime = 16777619;
    private const int StackEncodingLimit = 256;

    private static readonly WebsterTieBreaker LargerNameWins = static (a, b) =>
        a.Seats != b.Seats ? a.Seats < b.Seats : string.CompareOrdinal(a.Name, b.Name) > 0;

    private static readonly WebsterTieBreaker SmallerNameWins = static (a, b) =>
        a.Seats != b.Seats ? a.Seats < b.Seats : string.CompareOrdinal(a.Name, b.Name) < 0;

    /// <summary>The tie-breaker for a resource UID; null (the default order) for an empty UID.</summary>
    public static WebsterTieBreaker? FromUid(string? uid)
    {
        if (string.IsNullOrEmpty(uid))
        {
            return null;
        }

        return (Fnv1a32(uid) & 1) == 1 ? LargerNameWins : SmallerNameWins;
    }

    /// <summary>FNV-1a 32-bit over the UTF-8 bytes, as Go's <c>hash/fnv.New32a</c>.</summary>
    public static uint Fnv1a32(string value)
    {
        ArgumentNullException.ThrowIfNull(value);

        // UIDs are short: encode on the stack rather than allocating per scheduling decision.
        var maxBytes = Encoding.UTF8.GetMaxByteCount(value.Length);
        var buffer = maxBytes <= StackEncodingLimit ? stackalloc byte[StackEncodingLimit] : new byte[maxBytes];
        var length = Encoding.UTF8.GetBytes(value, buffer);
        var hash = FnvOffsetBasis;
        foreach (var b in buffer[..length])
        {
            hash ^= b;
            hash *= FnvPrime;
        }

        return hash;
    }
}
