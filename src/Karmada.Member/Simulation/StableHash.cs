using System.Text;

namespace Karmada.Member.Simulation;

/// <summary>FNV-1a (32-bit), stable across processes and runs (unlike <see cref="string.GetHashCode()"/>).</summary>
internal static class StableHash
{
    public static uint Fnv32(string text)
    {
        var hash = 2166136261u;
        foreach (var b in Encoding.UTF8.GetBytes(text))
        {
            hash = unchecked((hash ^ b) * 16777619u);
        }

        return hash;
    }

    /// <summary>apimachinery's <c>rand.SafeEncodeString</c> of the hash's decimal digits: no vowels, no look-alikes.</summary>
    public static string SafeEncode(uint value)
    {
        const string Alphabet = "bcdfghjklmnpqrstvwxz2456789";
        var digits = value.ToString(System.Globalization.CultureInfo.InvariantCulture);
        var result = new StringBuilder(digits.Length);
        foreach (var c in digits)
        {
            result.Append(Alphabet[c % Alphabet.Length]);
        }

        return result.ToString();
    }
}
