using System.Globalization;

namespace Karmada.Controllers.Runtime;

/// <summary>Parses Go <c>time.Duration</c> strings as the upstream flags take them (<c>10s</c>, <c>500ms</c>, <c>1m30s</c>).</summary>
public static class GoDuration
{
    private static readonly (string Unit, double Milliseconds)[] Units =
    [
        ("ns", 1e-6), ("us", 1e-3), ("µs", 1e-3), ("ms", 1), ("s", 1000), ("m", 60_000), ("h", 3_600_000),
    ];

    /// <summary>Parses <paramref name="text"/>; throws <see cref="FormatException"/> with a hint when it is not a duration.</summary>
    public static TimeSpan Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return TryParse(text, out var value)
            ? value
            : throw new FormatException($"'{text}' is not a duration; use a number with a unit, such as 10s, 500ms or 1m30s.");
    }

    public static bool TryParse(string? text, out TimeSpan value)
    {
        value = TimeSpan.Zero;
        if (string.IsNullOrWhiteSpace(text))
        {
            return false;
        }

        var span = text.AsSpan().Trim();
        if (span is "0")
        {
            return true;
        }

        double total = 0;
        while (!span.IsEmpty)
        {
            var numberLength = 0;
            while (numberLength < span.Length && (char.IsAsciiDigit(span[numberLength]) || span[numberLength] == '.'))
            {
                numberLength++;
            }

            if (numberLength == 0 || !double.TryParse(span[..numberLength], NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var number))
            {
                return false;
            }

            span = span[numberLength..];
            var matched = false;
            foreach (var (unit, milliseconds) in Units.OrderByDescending(u => u.Unit.Length))
            {
                if (span.StartsWith(unit, StringComparison.Ordinal))
                {
                    total += number * milliseconds;
                    span = span[unit.Length..];
                    matched = true;
                    break;
                }
            }

            if (!matched)
            {
                return false;
            }
        }

        value = TimeSpan.FromMilliseconds(total);
        return true;
    }
}
