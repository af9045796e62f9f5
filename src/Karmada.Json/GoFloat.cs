using System.Globalization;
using System.Text;

namespace Karmada.Json;

/// <summary>Go's shortest float64 formatting: <c>encoding/json</c>'s form and <c>strconv.FormatFloat(f, 'g', -1, 64)</c>.</summary>
public static class GoFloat
{
    /// <summary><c>encoding/json</c>: 'f' in [1e-6, 1e21), otherwise 'e' with the exponent's leading zero dropped.</summary>
    public static string FormatJson(double value)
    {
        if (!double.IsFinite(value))
        {
            throw new ArgumentOutOfRangeException(nameof(value), "JSON cannot hold NaN or infinity");
        }

        var abs = Math.Abs(value);
        var (negative, digits, point) = Decompose(value);
        var text = abs != 0 && (abs < 1e-6 || abs >= 1e21)
            ? Exponent(digits, point, minExponentDigits: 1)
            : Fixed(digits, point);
        return negative ? "-" + text : text;
    }

    /// <summary><c>strconv.FormatFloat(f, 'g', -1, 64)</c>: 'e' (two exponent digits at least) when the exponent is below -4 or at least 6.</summary>
    public static string FormatG(double value)
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
        var text = digits.Length > 0 && (exponent < -4 || exponent >= 6)
            ? Exponent(digits, point, minExponentDigits: 2)
            : Fixed(digits, point);
        return negative ? "-" + text : text;
    }

    // The shortest round-trip decimal digits (no leading or trailing zeros) and the position of the decimal point.
    private static (bool Negative, string Digits, int Point) Decompose(double value)
    {
        var text = value.ToString("R", CultureInfo.InvariantCulture);
        var negative = text.StartsWith('-');
        if (negative)
        {
            text = text[1..];
        }

        var exponent = 0;
        var e = text.IndexOfAny(['E', 'e']);
        if (e >= 0)
        {
            exponent = int.Parse(text[(e + 1)..], NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture);
            text = text[..e];
        }

        var dot = text.IndexOf('.', StringComparison.Ordinal);
        var integer = dot >= 0 ? text[..dot] : text;
        var fraction = dot >= 0 ? text[(dot + 1)..] : "";
        var digits = integer + fraction;
        var point = integer.Length + exponent;
        var leading = 0;
        while (leading < digits.Length && digits[leading] == '0')
        {
            leading++;
        }

        digits = digits[leading..].TrimEnd('0');
        point -= leading;
        return (negative, digits, digits.Length == 0 ? 0 : point);
    }

    private static string Fixed(string digits, int point)
    {
        if (digits.Length == 0)
        {
            return "0";
        }

        if (point <= 0)
        {
            return "0." + new string('0', -point) + digits;
        }

        return point >= digits.Length
            ? digits + new string('0', point - digits.Length)
            : digits[..point] + "." + digits[point..];
    }

    private static string Exponent(string digits, int point, int minExponentDigits)
    {
        var builder = new StringBuilder();
        builder.Append(digits[0]);
        if (digits.Length > 1)
        {
            builder.Append('.').Append(digits, 1, digits.Length - 1);
        }

        var exponent = point - 1;
        builder.Append('e').Append(exponent < 0 ? '-' : '+');
        builder.Append(Math.Abs(exponent).ToString(CultureInfo.InvariantCulture).PadLeft(minExponentDigits, '0'));
        return builder.ToString();
    }
}
