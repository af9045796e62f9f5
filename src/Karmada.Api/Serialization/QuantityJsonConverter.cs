using System.Buffers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using Karmada.Api.Core;

namespace Karmada.Api.Serialization;

/// <summary>
/// A <c>resource.Quantity</c> field held as a string: reads a JSON string or number, validates it and keeps the
/// canonical string, as Go's <c>Quantity</c> unmarshal/marshal pair does (<c>"1000m"</c> becomes <c>"1"</c>).
/// </summary>
public sealed class QuantityJsonConverter : JsonConverter<string>
{
    /// <inheritdoc />
    public override bool HandleNull => false;

    /// <summary>Reads one quantity token and returns its canonical string.</summary>
    public static string ReadCanonical(ref Utf8JsonReader reader)
    {
        string text;
        switch (reader.TokenType)
        {
            case JsonTokenType.String:
                text = reader.GetString()!.Trim();
                break;
            case JsonTokenType.Number:
                text = Encoding.UTF8.GetString(reader.HasValueSequence ? reader.ValueSequence.ToArray() : reader.ValueSpan.ToArray());
                break;
            default:
                throw new JsonException($"Expected a quantity string or number, got {reader.TokenType}");
        }

        return Quantity.TryParse(text, out var quantity)
            ? quantity.ToString()
            : throw new JsonException($"'{text}' is not a valid quantity");
    }

    /// <inheritdoc />
    public override string Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        ReadCanonical(ref reader);

    /// <inheritdoc />
    public override void Write(Utf8JsonWriter writer, string value, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteStringValue(value);
    }
}
