using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Karmada.Api.Serialization;

/// <summary>
/// Kubernetes <c>metav1.Time</c>: written as RFC 3339 in UTC with whole seconds (<c>2006-01-02T15:04:05Z</c>); read from
/// any RFC 3339 timestamp (offsets and up to nanosecond fractions are accepted, as Go's <c>time.Parse</c> does).
/// </summary>
public sealed class TimeJsonConverter : JsonConverter<DateTimeOffset>
{
    private const string WriteFormat = "yyyy-MM-dd'T'HH:mm:ss'Z'";

    private static readonly string[] ReadFormats =
    [
        "yyyy-MM-dd'T'HH:mm:ss'Z'",
        "yyyy-MM-dd'T'HH:mm:ss.FFFFFFF'Z'",
        "yyyy-MM-dd'T'HH:mm:sszzz",
        "yyyy-MM-dd'T'HH:mm:ss.FFFFFFFzzz",
    ];

    /// <summary>Formats a timestamp the way <c>metav1.Time</c> marshals it.</summary>
    public static string Format(DateTimeOffset value) =>
        value.ToUniversalTime().ToString(WriteFormat, CultureInfo.InvariantCulture);

    /// <summary>Parses an RFC 3339 timestamp; throws <see cref="FormatException"/> when it is not one.</summary>
    public static DateTimeOffset Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return TryParse(text, out var value)
            ? value
            : throw new FormatException($"'{text}' is not an RFC 3339 timestamp");
    }

    /// <summary>Parses an RFC 3339 timestamp.</summary>
    public static bool TryParse(string? text, out DateTimeOffset value)
    {
        value = default;
        if (string.IsNullOrEmpty(text))
        {
            return false;
        }

        // .NET parses at most 7 fractional digits; Go writes up to 9 (nanoseconds). Drop the surplus.
        var dot = text.IndexOf('.', StringComparison.Ordinal);
        if (dot > 0)
        {
            var end = dot + 1;
            while (end < text.Length && char.IsAsciiDigit(text[end]))
            {
                end++;
            }

            if (end - dot - 1 > 7)
            {
                text = string.Concat(text.AsSpan(0, dot + 8), text.AsSpan(end));
            }
        }

        return DateTimeOffset.TryParseExact(
            text, ReadFormats, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out value);
    }

    /// <inheritdoc />
    public override DateTimeOffset Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType != JsonTokenType.String)
        {
            throw new JsonException($"Expected an RFC 3339 timestamp string, got {reader.TokenType}");
        }

        var text = reader.GetString();
        return TryParse(text, out var value)
            ? value
            : throw new JsonException($"'{text}' is not an RFC 3339 timestamp");
    }

    /// <inheritdoc />
    public override void Write(Utf8JsonWriter writer, DateTimeOffset value, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteStringValue(Format(value));
    }
}
