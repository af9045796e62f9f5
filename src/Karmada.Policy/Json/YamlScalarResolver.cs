using System.Globalization;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace Karmada.Policy.Json;

/// <summary>
/// The implicit typing of plain YAML scalars as go-yaml v2 (used by <c>sigs.k8s.io/yaml</c>) does it: YAML 1.1
/// booleans (<c>yes</c>, <c>on</c>, ...), null spellings, Go-style integers (<c>0x</c>, <c>0o</c>, <c>0b</c>, leading
/// <c>0</c> octal, <c>_</c> separators), floats including <c>.inf</c> and <c>.nan</c>; anything else is a string.
/// </summary>
internal static partial class YamlScalarResolver
{
    private static readonly Dictionary<string, JsonNode?> Fixed = BuildFixed();

    /// <summary>The kind of value a plain scalar resolves to.</summary>
    public enum Kind
    {
        String,
        Null,
        Bool,
        Int,
        Float,
    }

    /// <summary>Resolves a plain scalar to its JSON value; <paramref name="kind"/> tells which tag won.</summary>
    public static JsonNode? Resolve(string text, out Kind kind)
    {
        kind = Kind.String;
        var hint = text.Length == 0 ? 'N' : Hint(text[0]);
        if (hint == '\0')
        {
            return JsonValue.Create(text);
        }

        if (Fixed.TryGetValue(text, out var fixedValue))
        {
            kind = fixedValue switch
            {
                null => Kind.Null,
                JsonValue v when v.TryGetValue<bool>(out _) => Kind.Bool,
                _ => Kind.Float,
            };
            return fixedValue?.DeepClone();
        }

        if (text == "<<")
        {
            return JsonValue.Create(text);
        }

        switch (hint)
        {
            case '.':
                if (double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var dotFloat))
                {
                    kind = Kind.Float;
                    return JsonValue.Create(dotFloat);
                }

                break;
            case 'D' or 'S':
                var plain = text.Replace("_", "", StringComparison.Ordinal);
                if (TryParseGoInt(plain, out var integer))
                {
                    kind = Kind.Int;
                    return integer;
                }

                if (FloatRegex().IsMatch(plain) && double.TryParse(plain, NumberStyles.Float, CultureInfo.InvariantCulture, out var number))
                {
                    kind = Kind.Float;
                    return JsonValue.Create(number);
                }

                break;
        }

        return JsonValue.Create(text);
    }

    /// <summary>Whether the text, written as a plain scalar, would read back as the same string.</summary>
    public static bool ResolvesToString(string text)
    {
        Resolve(text, out var kind);
        return kind == Kind.String && !Base60FloatRegex().IsMatch(text);
    }

    private static char Hint(char c) => c switch
    {
        '+' or '-' => 'S',
        >= '0' and <= '9' => 'D',
        'y' or 'Y' or 'n' or 'N' or 't' or 'T' or 'f' or 'F' or 'o' or 'O' or '~' => 'M',
        '.' => '.',
        '<' => 'M',
        _ => '\0',
    };

    // strconv.ParseInt/ParseUint(s, 0, 64) followed by go-yaml's binary fallback.
    private static bool TryParseGoInt(string text, out JsonNode? value)
    {
        value = null;
        var negative = false;
        var body = text;
        if (body.StartsWith('+') || body.StartsWith('-'))
        {
            negative = body[0] == '-';
            body = body[1..];
        }

        if (body.Length == 0)
        {
            return false;
        }

        var radix = 10;
        if (body.Length > 1 && body[0] == '0')
        {
            switch (char.ToLowerInvariant(body[1]))
            {
                case 'x':
                    radix = 16;
                    body = body[2..];
                    break;
                case 'b':
                    radix = 2;
                    body = body[2..];
                    break;
                case 'o':
                    radix = 8;
                    body = body[2..];
                    break;
                default:
                    radix = 8;
                    body = body[1..];
                    break;
            }
        }

        if (body.Length == 0)
        {
            return false;
        }

        System.Numerics.BigInteger magnitude = 0;
        foreach (var c in body)
        {
            var digit = c switch
            {
                >= '0' and <= '9' => c - '0',
                >= 'a' and <= 'f' => c - 'a' + 10,
                >= 'A' and <= 'F' => c - 'A' + 10,
                _ => 99,
            };
            if (digit >= radix)
            {
                return false;
            }

            magnitude = (magnitude * radix) + digit;
        }

        var signed = negative ? -magnitude : magnitude;
        if (signed >= long.MinValue && signed <= long.MaxValue)
        {
            value = JsonValue.Create((long)signed);
            return true;
        }

        if (!negative && signed <= ulong.MaxValue)
        {
            value = JsonValue.Create((ulong)signed);
            return true;
        }

        return false;
    }

    private static Dictionary<string, JsonNode?> BuildFixed()
    {
        var map = new Dictionary<string, JsonNode?>(StringComparer.Ordinal);
        foreach (var s in new[] { "y", "Y", "yes", "Yes", "YES", "on", "On", "ON", "true", "True", "TRUE" })
        {
            map[s] = JsonValue.Create(true);
        }

        foreach (var s in new[] { "n", "N", "no", "No", "NO", "off", "Off", "OFF", "false", "False", "FALSE" })
        {
            map[s] = JsonValue.Create(false);
        }

        foreach (var s in new[] { "", "~", "null", "Null", "NULL" })
        {
            map[s] = null;
        }

        foreach (var s in new[] { ".nan", ".NaN", ".NAN" })
        {
            map[s] = JsonValue.Create(double.NaN);
        }

        foreach (var s in new[] { ".inf", ".Inf", ".INF", "+.inf", "+.Inf", "+.INF" })
        {
            map[s] = JsonValue.Create(double.PositiveInfinity);
        }

        foreach (var s in new[] { "-.inf", "-.Inf", "-.INF" })
        {
            map[s] = JsonValue.Create(double.NegativeInfinity);
        }

        return map;
    }

    [GeneratedRegex(@"^[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?\z", RegexOptions.CultureInvariant)]
    private static partial Regex FloatRegex();

    [GeneratedRegex(@"^[-+]?[0-9][0-9_]*(?::[0-5]?[0-9])+(?:\.[0-9_]*)?\z", RegexOptions.CultureInvariant)]
    private static partial Regex Base60FloatRegex();
}
