using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace Karmada.Protobuf.Decoding;

/// <summary>
/// JSON forms of the apimachinery types whose Go MarshalJSON differs from their protobuf message:
/// Time, MicroTime, Duration, Quantity, IntOrString, RawExtension and FieldsV1.
/// </summary>
internal static partial class SpecialValues
{
    // Unix seconds of Go's zero time.Time (0001-01-01T00:00:00Z), which metav1.Time marshals as null.
    private const long GoZeroTimeUnixSeconds = -62_135_596_800;
    private const long MaxUnixSeconds = 253_402_300_799;
    private const long NanosPerSecond = 1_000_000_000;

    /// <summary>meta/v1 Time: Go keeps whole seconds only (nanos are dropped on unmarshal).</summary>
    public static JsonNode? Time(ReadOnlySpan<byte> payload)
    {
        if (payload.IsEmpty)
        {
            return null;
        }

        var (seconds, _) = ReadTimestamp(payload);
        if (seconds == GoZeroTimeUnixSeconds)
        {
            return null;
        }

        return JsonValue.Create(ToDateTime(seconds).ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture));
    }

    /// <summary>meta/v1 MicroTime: nanos are kept and printed truncated to microseconds.</summary>
    public static JsonNode? MicroTime(ReadOnlySpan<byte> payload)
    {
        if (payload.IsEmpty)
        {
            return null;
        }

        var (rawSeconds, rawNanos) = ReadTimestamp(payload);

        // time.Unix normalises nanos outside [0, 1e9) into the seconds.
        var total = ((Int128)rawSeconds * NanosPerSecond) + rawNanos;
        var seconds = (long)Int128.DivRem(total, NanosPerSecond).Quotient;
        var nanos = (long)(total - ((Int128)seconds * NanosPerSecond));
        if (nanos < 0)
        {
            seconds--;
            nanos += NanosPerSecond;
        }

        if (seconds == GoZeroTimeUnixSeconds && nanos == 0)
        {
            return null;
        }

        var time = ToDateTime(seconds).AddTicks(nanos / 1_000 * 10);
        return JsonValue.Create(time.ToString("yyyy-MM-dd'T'HH:mm:ss.ffffff'Z'", CultureInfo.InvariantCulture));
    }

    public static JsonNode Duration(ReadOnlySpan<byte> payload)
    {
        long nanoseconds = 0;
        var reader = new WireReader(payload);
        while (!reader.AtEnd)
        {
            var (number, wireType) = reader.ReadTag();
            if (number == 1)
            {
                Expect(wireType, WireType.Varint, "Duration.duration");
                nanoseconds = (long)reader.ReadVarint();
            }
            else
            {
                reader.Skip(number, wireType);
            }
        }

        return JsonValue.Create(GoDuration.Format(nanoseconds));
    }

    /// <summary>
    /// resource.Quantity travels as its string. Go clients send the canonical form; it is checked
    /// against the quantity grammar and passed through.
    /// </summary>
    public static JsonNode Quantity(ReadOnlySpan<byte> payload)
    {
        string? text = null;
        var reader = new WireReader(payload);
        while (!reader.AtEnd)
        {
            var (number, wireType) = reader.ReadTag();
            if (number == 1)
            {
                Expect(wireType, WireType.LengthDelimited, "Quantity.string");
                text = Encoding.UTF8.GetString(reader.ReadLengthDelimited());
            }
            else
            {
                reader.Skip(number, wireType);
            }
        }

        // An absent string leaves Go's zero Quantity, which marshals as "0".
        if (text is null)
        {
            return JsonValue.Create("0");
        }

        if (!QuantityPattern().IsMatch(text))
        {
            throw new ProtobufDecodeException(
                ProtobufDecodeError.InvalidValue,
                $"Quantity '{text}' does not match the regular expression for quantities.");
        }

        return JsonValue.Create(text);
    }

    public static JsonNode IntOrString(ReadOnlySpan<byte> payload)
    {
        long type = 0;
        var intValue = 0;
        var stringValue = string.Empty;
        var reader = new WireReader(payload);
        while (!reader.AtEnd)
        {
            var (number, wireType) = reader.ReadTag();
            switch (number)
            {
                case 1:
                    Expect(wireType, WireType.Varint, "IntOrString.type");
                    type = (long)reader.ReadVarint();
                    break;
                case 2:
                    Expect(wireType, WireType.Varint, "IntOrString.intVal");
                    intValue = unchecked((int)reader.ReadVarint());
                    break;
                case 3:
                    Expect(wireType, WireType.LengthDelimited, "IntOrString.strVal");
                    stringValue = Encoding.UTF8.GetString(reader.ReadLengthDelimited());
                    break;
                default:
                    reader.Skip(number, wireType);
                    break;
            }
        }

        return type switch
        {
            0 => JsonValue.Create(intValue),
            1 => JsonValue.Create(stringValue),
            _ => throw new ProtobufDecodeException(ProtobufDecodeError.InvalidValue, $"IntOrString has impossible type {type}."),
        };
    }

    /// <summary>The single bytes field of RawExtension and FieldsV1; <c>null</c> when absent.</summary>
    public static byte[]? ReadRawBytes(ReadOnlySpan<byte> payload, string typeName)
    {
        byte[]? raw = null;
        var reader = new WireReader(payload);
        while (!reader.AtEnd)
        {
            var (number, wireType) = reader.ReadTag();
            if (number == 1)
            {
                Expect(wireType, WireType.LengthDelimited, typeName + ".raw");
                raw = reader.ReadLengthDelimited().ToArray();
            }
            else
            {
                reader.Skip(number, wireType);
            }
        }

        return raw;
    }

    /// <summary>Parses embedded JSON; Go writes those bytes verbatim, so they must already be JSON.</summary>
    public static JsonNode? ParseEmbeddedJson(byte[] raw, string typeName)
    {
        if (raw.Length == 0)
        {
            return null;
        }

        try
        {
            return JsonNode.Parse(raw);
        }
        catch (JsonException ex)
        {
            throw new ProtobufDecodeException(ProtobufDecodeError.InvalidValue, $"{typeName} does not hold valid JSON: {ex.Message}", ex);
        }
    }

    public static void Expect(WireType actual, WireType expected, string field)
    {
        if (actual != expected)
        {
            throw new ProtobufDecodeException(
                ProtobufDecodeError.Malformed,
                $"Protobuf body is malformed: {field} has wire type {actual}, expected {expected}.");
        }
    }

    private static (long Seconds, int Nanos) ReadTimestamp(ReadOnlySpan<byte> payload)
    {
        long seconds = 0;
        var nanos = 0;
        var reader = new WireReader(payload);
        while (!reader.AtEnd)
        {
            var (number, wireType) = reader.ReadTag();
            switch (number)
            {
                case 1:
                    Expect(wireType, WireType.Varint, "Timestamp.seconds");
                    seconds = (long)reader.ReadVarint();
                    break;
                case 2:
                    Expect(wireType, WireType.Varint, "Timestamp.nanos");
                    nanos = unchecked((int)reader.ReadVarint());
                    break;
                default:
                    reader.Skip(number, wireType);
                    break;
            }
        }

        return (seconds, nanos);
    }

    private static DateTime ToDateTime(long unixSeconds)
    {
        // Go would print years outside 0001-9999 in a form RFC 3339 does not allow; refuse them.
        if (unixSeconds is < GoZeroTimeUnixSeconds or > MaxUnixSeconds)
        {
            throw new ProtobufDecodeException(ProtobufDecodeError.InvalidValue, $"Timestamp {unixSeconds} is outside years 0001-9999.");
        }

        return DateTime.UnixEpoch.AddSeconds(unixSeconds);
    }

    // Quantity grammar of k8s.io/apimachinery/pkg/api/resource: signed decimal with an SI, binary-SI or exponent suffix.
    [GeneratedRegex(@"^[+-]?([0-9]+(\.[0-9]*)?|\.[0-9]+)(Ki|Mi|Gi|Ti|Pi|Ei|n|u|m|k|M|G|T|P|E|[eE][+-]?[0-9]+)?$", RegexOptions.CultureInvariant)]
    private static partial Regex QuantityPattern();
}
