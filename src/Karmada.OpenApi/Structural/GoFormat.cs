using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;

namespace Karmada.OpenApi.Structural;

/// <summary>
/// Prints values the way Go's fmt and encoding/json print unstructured values, because kubectl users and
/// scripts match on the exact text of kube-apiserver's validation errors.
/// </summary>
internal static class GoFormat
{
    /// <summary>The value part of <c>field.Error.ErrorBody</c>: <c>%v</c> for scalars, <c>%q</c> for strings, <c>%#v</c> for maps and slices.</summary>
    public static string BadValue(JsonNode? value) => JsonValues.Kind(value) switch
    {
        JsonKind.Null => Quote("null"),
        JsonKind.String => Quote(value!.GetValue<string>()),
        JsonKind.Integer => Integer(value!),
        JsonKind.Number => Float(Double(value!)),
        JsonKind.Boolean => value!.GetValue<bool>() ? "true" : "false",
        _ => SharpV(value),
    };

    /// <summary>Go's <c>%#v</c> of an unstructured value held in an <c>interface{}</c>.</summary>
    public static string SharpV(JsonNode? value)
    {
        switch (JsonValues.Kind(value))
        {
            case JsonKind.Null:
                return "interface {}(nil)";
            case JsonKind.Object:
                var entries = ((JsonObject)value!)
                    .OrderBy(pair => pair.Key, StringComparer.Ordinal)
                    .Select(pair => Quote(pair.Key) + ":" + SharpV(pair.Value));
                return "map[string]interface {}{" + string.Join(", ", entries) + "}";
            case JsonKind.Array:
                return "[]interface {}{" + string.Join(", ", ((JsonArray)value!).Select(SharpV)) + "}";
            default:
                return BadValue(value);
        }
    }

    /// <summary>Go's <c>strconv.Quote</c>.</summary>
    public static string Quote(string text)
    {
        var builder = new StringBuilder(text.Length + 2);
        builder.Append('"');
        foreach (var rune in text.EnumerateRunes())
        {
            switch (rune.Value)
            {
                case '"':
                    builder.Append("\\\"");
                    continue;
                case '\\':
                    builder.Append("\\\\");
                    continue;
                case 7:
                    builder.Append("\\a");
                    continue;
                case 8:
                    builder.Append("\\b");
                    continue;
                case 12:
                    builder.Append("\\f");
                    continue;
                case '\n':
                    builder.Append("\\n");
                    continue;
                case '\r':
                    builder.Append("\\r");
                    continue;
                case '\t':
                    builder.Append("\\t");
                    continue;
                case 11:
                    builder.Append("\\v");
                    continue;
            }

            if (IsPrint(rune))
            {
                builder.Append(rune.ToString());
            }
            else if (rune.Value < ' ' || rune.Value == 0x7f)
            {
                builder.Append("\\x").Append(rune.Value.ToString("x2", CultureInfo.InvariantCulture));
            }
            else if (rune.Value < 0x10000)
            {
                builder.Append("\\u").Append(rune.Value.ToString("x4", CultureInfo.InvariantCulture));
            }
            else
            {
                builder.Append("\\U").Append(rune.Value.ToString("x8", CultureInfo.InvariantCulture));
            }
        }

        builder.Append('"');
        return builder.ToString();
    }

    /// <summary>Go's <c>%v</c> of a float64 (<c>strconv.FormatFloat(f, 'g', -1, 64)</c>).</summary>
    public static string Float(double value)
    {
        if (double.IsNaN(value))
        {
            return "NaN";
        }

        if (double.IsInfinity(value))
        {
            return value > 0 ? "+Inf" : "-Inf";
        }

        var (negative, digits, point) = Decompose(value);
        var exponent = point - 1;

        // Shortest formatting switches to exponent notation outside [1e-4, 1e6), as Go does.
        var text = exponent < -4 || exponent >= 6 ? Exponent(digits, exponent, 2) : Fixed(digits, point);
        return negative ? "-" + text : text;
    }

    /// <summary>A number as Go's encoding/json marshals it: shortest digits, exponent only outside [1e-6, 1e21).</summary>
    public static string JsonNumber(JsonNode value)
    {
        if (JsonValues.Kind(value) == JsonKind.Integer)
        {
            return Integer(value);
        }

        var number = Double(value);
        var (negative, digits, point) = Decompose(number);
        var abs = Math.Abs(number);
        var text = abs != 0 && (abs < 1e-6 || abs >= 1e21) ? Exponent(digits, point - 1, 1) : Fixed(digits, point);
        return negative ? "-" + text : text;
    }

    /// <summary>Go's <c>json.Marshal</c> of an unstructured value: compact, map keys sorted.</summary>
    public static string Json(JsonNode? value)
    {
        switch (JsonValues.Kind(value))
        {
            case JsonKind.Null:
                return "null";
            case JsonKind.String:
                return JsonString(value!.GetValue<string>());
            case JsonKind.Integer:
            case JsonKind.Number:
                return JsonNumber(value!);
            case JsonKind.Boolean:
                return value!.GetValue<bool>() ? "true" : "false";
            case JsonKind.Array:
                return "[" + string.Join(",", ((JsonArray)value!).Select(Json)) + "]";
            default:
                var entries = ((JsonObject)value!)
                    .OrderBy(pair => pair.Key, StringComparer.Ordinal)
                    .Select(pair => JsonString(pair.Key) + ":" + Json(pair.Value));
                return "{" + string.Join(",", entries) + "}";
        }
    }

    private static string JsonString(string text)
    {
        var builder = new StringBuilder(text.Length + 2);
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
                case '<' or '>' or '&' or '\u2028' or '\u2029':
                    builder.Append("\\u").Append(((int)c).ToString("x4", CultureInfo.InvariantCulture));
                    break;
                default:
                    if (c < ' ')
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
        return builder.ToString();
    }

    private static string Integer(JsonNode value) =>
        JsonValues.TryGetInteger(value, out var number) ? number.ToString(CultureInfo.InvariantCulture) : value.ToJsonString();

    private static double Double(JsonNode value)
    {
        JsonValues.TryGetDouble(value, out var number);
        return number;
    }

    /// <summary>Splits a double into its shortest round-trip decimal digits and the position of the decimal point.</summary>
    private static (bool Negative, string Digits, int Point) Decompose(double value)
    {
        var negative = value < 0 || (value == 0 && double.IsNegative(value));
        if (value == 0)
        {
            return (negative, "0", 1);
        }

        var text = Math.Abs(value).ToString("R", CultureInfo.InvariantCulture);
        var exponent = 0;
        var e = text.IndexOfAny(['E', 'e']);
        if (e >= 0)
        {
            exponent = int.Parse(text.AsSpan(e + 1), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture);
            text = text[..e];
        }

        var dot = text.IndexOf('.', StringComparison.Ordinal);
        var point = (dot < 0 ? text.Length : dot) + exponent;
        var digits = text.Replace(".", string.Empty, StringComparison.Ordinal);
        while (digits.Length > 1 && digits[0] == '0')
        {
            digits = digits[1..];
            point--;
        }

        digits = digits.TrimEnd('0');
        return (negative, digits.Length == 0 ? "0" : digits, point);
    }

    private static string Exponent(string digits, int exponent, int minExponentDigits)
    {
        var mantissa = digits.Length == 1 ? digits : digits[0] + "." + digits[1..];
        var sign = exponent < 0 ? "-" : "+";
        var magnitude = Math.Abs(exponent).ToString(CultureInfo.InvariantCulture).PadLeft(minExponentDigits, '0');
        return mantissa + "e" + sign + magnitude;
    }

    private static string Fixed(string digits, int point)
    {
        if (point <= 0)
        {
            return "0." + new string('0', -point) + digits;
        }

        if (point >= digits.Length)
        {
            return digits + new string('0', point - digits.Length);
        }

        return digits[..point] + "." + digits[point..];
    }

    /// <summary>Go's <c>unicode.IsPrint</c>: graphic characters and the ASCII space only.</summary>
    private static bool IsPrint(Rune rune)
    {
        if (rune.Value == ' ')
        {
            return true;
        }

        return Rune.GetUnicodeCategory(rune) switch
        {
            UnicodeCategory.Control or UnicodeCategory.Format or UnicodeCategory.Surrogate or UnicodeCategory.PrivateUse
                or UnicodeCategory.OtherNotAssigned or UnicodeCategory.LineSeparator or UnicodeCategory.ParagraphSeparator
                or UnicodeCategory.SpaceSeparator => false,
            _ => true,
        };
    }
}
