using System.Globalization;

namespace Karmada.Client;

/// <summary>
/// <c>metav1.MicroTime</c>: RFC 3339 in UTC with exactly six fractional digits, as used by Lease
/// <c>acquireTime</c>/<c>renewTime</c> and Events.
/// </summary>
public static class MicroTime
{
    private const string Format = "yyyy-MM-dd'T'HH:mm:ss.ffffff'Z'";

    /// <summary>Formats a point in time, truncated to microseconds.</summary>
    public static string ToString(DateTimeOffset value) =>
        value.UtcDateTime.ToString(Format, CultureInfo.InvariantCulture);

    /// <summary>Parses any RFC 3339 timestamp (with or without fractional seconds).</summary>
    public static bool TryParse(string? text, out DateTimeOffset value) =>
        DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out value);
}
