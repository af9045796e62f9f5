using System.Globalization;

namespace Karmada.Member.Simulation;

/// <summary>RFC 3339 timestamps with seconds precision, as <c>metav1.Time</c>.</summary>
internal static class Timestamps
{
    public static string Format(DateTimeOffset time) => time.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
}
