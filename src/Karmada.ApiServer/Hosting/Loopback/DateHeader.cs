using System.Globalization;

namespace Karmada.ApiServer.Hosting.Loopback;

/// <summary>The <c>Date</c> response header Kestrel adds to every response, formatted once per second.</summary>
internal static class DateHeader
{
    private static Entry? _current;

    public static string Current
    {
        get
        {
            var now = DateTimeOffset.UtcNow;
            var second = now.ToUnixTimeSeconds();
            var current = _current;
            if (current is null || current.Second != second)
            {
                current = new Entry(second, now.ToString("r", CultureInfo.InvariantCulture));
                _current = current;
            }

            return current.Value;
        }
    }

    private sealed record Entry(long Second, string Value);
}
