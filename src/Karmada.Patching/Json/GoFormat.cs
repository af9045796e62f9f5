using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;

namespace Karmada.Patching.Json;

/// <summary>
/// Renders JSON values the way Go code in kube-apiserver does, so messages and stored annotations match
/// upstream byte for byte: <c>encoding/json</c> for unstructured maps (sorted keys, HTML-safe escaping),
/// <c>%q</c> quoting and <c>%v</c> formatting.
/// </summary>
internal static class GoFormat
{
    /// <summary><c>json.Marshal</c> of an unstructured value: compact, object keys sorted by byte order.</summary>
    public static string Marshal(JsonNode? node)
    {
        var builder = new StringBuilder();
        WriteJson(builder, node);
        return builder.ToString();
    }

    /// <summary>Go's <c>%q</c> (<c>strconv.Quote</c>) for a string.</summary>
    public static string Quote(string value)
    {
        var builder = new StringBuilder(value.Length + 2);
        builder.Append('"');
        for (var i = 0; i < value.Length; i++)
        {
            var c = value[i];
            switch (c)
            {
                case '"':
                    builder.Append("\\\"");
                    break;
                case '\\':
                    builder.Append("\\\\");
                    break;
                case '\a':
                    builder.Append("\\a");
                    break;
                case '\b':
                    builder.Append("\\b");
                    break;
                case '\f':
                    builder.Append("\\f");
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
                case '\v':
                    builder.Append("\\v");
                    break;
                default:
                    if (c < 0x20 || c == 0x7f)
                    {
                        builder.Append("\\x").Append(((int)c).ToString("x2", CultureInfo.InvariantCulture));
                    }
                    else
                    {
                        builder.Append(c);
                    }

                    break;
            }
        }

        builder.Append('"');
        return builder.ToString();
    }

    /// <summary>Go's <c>%v</c> for a decoded JSON value (<c>map[a:1 b:x]</c>, <c>[1 2]</c>, <c>&lt;nil&gt;</c>).</summary>
    public static string Value(JsonNode? node)
    {
        switch (node)
        {
            case null:
                return "<nil>";
            case JsonObject obj:
                return "map[" + string.Join(' ', obj.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => p.Key + ":" + Value(p.Value))) + "]";
            case JsonArray array:
                return "[" + string.Join(' ', array.Select(Value)) + "]";
            default:
                return JsonValueComparer.KindOf(node) switch
                {
                    JsonKind.String => node.GetValue<string>(),
                    JsonKind.Boolean => node.GetValue<bool>() ? "true" : "false",
                    JsonKind.Null => "<nil>",
                    _ => node.ToJsonString(),
                };
        }
    }

    /// <summary>The Go type name <c>%T</c> prints for a decoded JSON value, used in upstream error texts.</summary>
    public static string TypeName(JsonNode? node) => JsonValueComparer.KindOf(node) switch
    {
        JsonKind.Object => "map[string]interface {}",
        JsonKind.Array => "[]interface {}",
        JsonKind.String => "string",
        JsonKind.Boolean => "bool",
        JsonKind.Number => node!.ToJsonString().AsSpan().IndexOfAny(".eE") >= 0 ? "float64" : "int64",
        _ => "<nil>",
    };

    private static void WriteJson(StringBuilder builder, JsonNode? node)
    {
        switch (node)
        {
            case null:
                builder.Append("null");
                return;
            case JsonObject obj:
                builder.Append('{');
                var first = true;
                foreach (var (key, value) in obj.OrderBy(p => p.Key, StringComparer.Ordinal))
                {
                    if (!first)
                    {
                        builder.Append(',');
                    }

                    first = false;
                    WriteString(builder, key);
                    builder.Append(':');
                    WriteJson(builder, value);
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

                    WriteJson(builder, array[i]);
                }

                builder.Append(']');
                return;
            default:
                switch (JsonValueComparer.KindOf(node))
                {
                    case JsonKind.String:
                        WriteString(builder, node.GetValue<string>());
                        break;
                    case JsonKind.Boolean:
                        builder.Append(node.GetValue<bool>() ? "true" : "false");
                        break;
                    case JsonKind.Null:
                        builder.Append("null");
                        break;
                    default:
                        builder.Append(node.ToJsonString());
                        break;
                }

                return;
        }
    }

    // encoding/json escapes <, > and & (HTML safety) and U+2028/U+2029, and keeps other non-ASCII text as UTF-8.
    private static void WriteString(StringBuilder builder, string value)
    {
        builder.Append('"');
        foreach (var c in value)
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
                case '<' or '>' or '&' or '\u2028' or '\u2029':
                    builder.Append("\\u").Append(((int)c).ToString("x4", CultureInfo.InvariantCulture));
                    break;
                default:
                    if (c < 0x20)
                    {
                        builder.Append("\\u").Append(((int)c).ToString("x4", CultureInfo.InvariantCulture));
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
}
