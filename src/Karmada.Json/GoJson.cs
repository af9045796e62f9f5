using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Karmada.Json;

/// <summary>
/// Writes JSON byte for byte as Go's <c>encoding/json</c> (Go 1.22+) does: compact; strings with <c>&lt;</c>,
/// <c>&gt;</c>, <c>&amp;</c>, U+2028 and U+2029 escaped as <c>\u003c</c>-style escapes, <c>\b</c> <c>\f</c> <c>\n</c>
/// <c>\r</c> <c>\t</c> as short escapes, other control characters as <c>\u00XX</c> and all other text as is.
/// System.Text.Json's encoders differ, and stored annotations and messages must match upstream exactly.
/// </summary>
public static class GoJson
{
    private const string Hex = "0123456789abcdef";

    /// <summary>Marshals a node; a null node is <c>null</c>. The defaults are <c>json.Marshal</c> of an unstructured value.</summary>
    public static string Marshal(JsonNode? node, GoJsonKeyOrder keyOrder = GoJsonKeyOrder.Sorted, GoJsonNumbers numbers = GoJsonNumbers.Decoded)
    {
        var builder = new StringBuilder();
        Write(builder, node, keyOrder, numbers);
        return builder.ToString();
    }

    /// <summary>A number as <c>json.Marshal</c> writes the int64 or float64 it decodes to.</summary>
    public static string Number(JsonNode number)
    {
        if (JsonValues.TryGetInteger(number, out var integer))
        {
            return integer.ToString(CultureInfo.InvariantCulture);
        }

        // A magnitude beyond float64 never decodes in Go; keep the text rather than invent a value.
        return JsonValues.TryGetDouble(number, out var value) && double.IsFinite(value) ? GoFloat.FormatJson(value) : number.ToJsonString();
    }

    private static void Write(StringBuilder builder, JsonNode? node, GoJsonKeyOrder keyOrder, GoJsonNumbers numbers)
    {
        switch (node)
        {
            case null:
                builder.Append("null");
                return;
            case JsonObject obj:
                builder.Append('{');
                var first = true;
                var members = keyOrder == GoJsonKeyOrder.Sorted ? obj.OrderBy(p => p.Key, StringComparer.Ordinal) : (IEnumerable<KeyValuePair<string, JsonNode?>>)obj;
                foreach (var (key, value) in members)
                {
                    if (!first)
                    {
                        builder.Append(',');
                    }

                    first = false;
                    WriteString(builder, key);
                    builder.Append(':');
                    Write(builder, value, keyOrder, numbers);
                }

                builder.Append('}');
                return;
            case JsonArray array:
                builder.Append('[');
                for (var i = 0; i < array.Count; i++)
                {
                    if (i > 0)
                    {
                        builder.Append(',');
                    }

                    Write(builder, array[i], keyOrder, numbers);
                }

                builder.Append(']');
                return;
            default:
                WriteScalar(builder, node, numbers);
                return;
        }
    }

    private static void WriteScalar(StringBuilder builder, JsonNode node, GoJsonNumbers numbers)
    {
        switch (node.GetValueKind())
        {
            case JsonValueKind.String:
                WriteString(builder, node.GetValue<string>());
                break;
            case JsonValueKind.True:
                builder.Append("true");
                break;
            case JsonValueKind.False:
                builder.Append("false");
                break;
            case JsonValueKind.Number:
                builder.Append(numbers == GoJsonNumbers.AsWritten && node.AsValue().TryGetValue<JsonElement>(out var element)
                    ? element.GetRawText()
                    : Number(node));
                break;
            default:
                builder.Append("null");
                break;
        }
    }

    private static void WriteString(StringBuilder builder, string text)
    {
        builder.Append('"');
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
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
                case < ' ' or '<' or '>' or '&' or '\u2028' or '\u2029':
                    builder.Append("\\u").Append(Hex[(c >> 12) & 0xF]).Append(Hex[(c >> 8) & 0xF]).Append(Hex[(c >> 4) & 0xF]).Append(Hex[c & 0xF]);
                    break;
                case >= '\uD800' and <= '\uDBFF' when i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]):
                    builder.Append(c).Append(text[++i]);
                    break;
                default:
                    // Go strings hold UTF-8, so a lone surrogate arrives there as U+FFFD.
                    builder.Append(char.IsSurrogate(c) ? '\uFFFD' : c);
                    break;
            }
        }

        builder.Append('"');
    }
}
