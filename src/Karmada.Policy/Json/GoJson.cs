using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Karmada.Policy.Json;

/// <summary>
/// Writes JSON the way Go's <c>encoding/json</c> does for already-decoded values: compact, object keys in their
/// existing order, numbers as their original text, and strings escaped with Go's rules (<c>&lt;</c>, <c>&gt;</c> and
/// <c>&amp;</c> as <c>\u003c</c>-style escapes, U+2028/U+2029 escaped, other non-ASCII left as is). Annotation values
/// Karmada writes must match upstream byte for byte, which System.Text.Json's encoders do not.
/// </summary>
public static class GoJson
{
    private const string Hex = "0123456789abcdef";

    /// <summary>Serializes the node; a null node is <c>null</c>.</summary>
    public static string Serialize(JsonNode? node)
    {
        var builder = new StringBuilder();
        Write(builder, node);
        return builder.ToString();
    }

    private static void Write(StringBuilder builder, JsonNode? node)
    {
        switch (node)
        {
            case null:
                builder.Append("null");
                break;
            case JsonObject obj:
                builder.Append('{');
                var first = true;
                foreach (var (key, value) in obj)
                {
                    if (!first)
                    {
                        builder.Append(',');
                    }

                    first = false;
                    WriteString(builder, key);
                    builder.Append(':');
                    Write(builder, value);
                }

                builder.Append('}');
                break;
            case JsonArray array:
                builder.Append('[');
                for (var i = 0; i < array.Count; i++)
                {
                    if (i > 0)
                    {
                        builder.Append(',');
                    }

                    Write(builder, array[i]);
                }

                builder.Append(']');
                break;
            case JsonValue value:
                WriteValue(builder, value);
                break;
        }
    }

    private static void WriteValue(StringBuilder builder, JsonValue value)
    {
        switch (value.GetValueKind())
        {
            case JsonValueKind.String:
                WriteString(builder, value.GetValue<string>());
                break;
            case JsonValueKind.True:
                builder.Append("true");
                break;
            case JsonValueKind.False:
                builder.Append("false");
                break;
            case JsonValueKind.Null:
                builder.Append("null");
                break;
            case JsonValueKind.Number:
                builder.Append(FormatNumber(value));
                break;
            default:
                builder.Append(value.ToJsonString());
                break;
        }
    }

    private static string FormatNumber(JsonValue value)
    {
        if (value.TryGetValue<JsonElement>(out var element))
        {
            return element.GetRawText();
        }

        if (value.TryGetValue<double>(out var d) && !value.TryGetValue<long>(out _))
        {
            return FormatFloat(d);
        }

        return value.ToJsonString();
    }

    /// <summary>Go's float64 JSON form: shortest digits, exponent form outside [1e-6, 1e21).</summary>
    internal static string FormatFloat(double value) => GoFloat.FormatJson(value);

    private static void WriteString(StringBuilder builder, string text)
    {
        builder.Append('"');
        foreach (var c in text)
        {
            switch (c)
            {
                case '"':
                    builder.Append("\\\"");
                    break;
                case '\\':
                    builder.Append("\\\\");
                    break;
                case '\n':
                    builder.Append("\\n");
                    break;
                case '\r':
                    builder.Append("\\r");
                    break;
                case '\t':
                    builder.Append("\\t");
                    break;
                case '\b':
                    builder.Append("\\b");
                    break;
                case '\f':
                    builder.Append("\\f");
                    break;
                case '<' or '>' or '&' or '\u2028' or '\u2029':
                    AppendUnicodeEscape(builder, c);
                    break;
                default:
                    if (c < 0x20)
                    {
                        AppendUnicodeEscape(builder, c);
                    }
                    else
                    {
                        builder.Append(c);
                    }

                    break;
            }
        }

        builder.Append('"');
    }

    private static void AppendUnicodeEscape(StringBuilder builder, char c) =>
        builder.Append("\\u").Append(Hex[(c >> 12) & 0xF]).Append(Hex[(c >> 8) & 0xF]).Append(Hex[(c >> 4) & 0xF]).Append(Hex[c & 0xF]);
}
