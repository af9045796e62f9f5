using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Numerics;
using System.Text;

namespace Karmada.Api.Core;

/// <summary>
/// A fixed-point number with a unit suffix, as Kubernetes <c>resource.Quantity</c>: <c>100m</c>, <c>1.5Gi</c>,
/// <c>2</c>, <c>1e3</c>. Values are exact to the nano (10^-9); finer input is rounded away from zero, as upstream does.
/// Parsing, arithmetic, comparison and the canonical string follow <c>k8s.io/apimachinery/pkg/api/resource</c>.
/// </summary>
/// <remarks>
/// Equality and ordering compare the numeric value only (<c>1Ki</c> equals <c>1024</c>), like upstream <c>Cmp</c>.
/// The canonical string keeps the parsed text when upstream would (for example <c>1.500</c>), otherwise it is
/// recomputed: <c>1000m</c> prints as <c>1</c>, <c>1536Mi</c> stays <c>1536Mi</c>, <c>0.5</c> prints as <c>500m</c>.
/// </remarks>
public readonly struct Quantity : IEquatable<Quantity>, IComparable<Quantity>, IComparable, IParsable<Quantity>
{
    private const int NanoDigits = 9;

    // Exponents this far out are not quantities anyone means; refusing them keeps BigInteger powers bounded.
    private const int MaxDecimalExponent = 4096;

    private static readonly BigInteger NanosPerUnit = BigInteger.Pow(10, NanoDigits);
    private static readonly BigInteger NanosPerMilli = BigInteger.Pow(10, 6);
    private static readonly BigInteger MaxBinaryNanos = new BigInteger(long.MaxValue) * NanosPerUnit;
    private static readonly BigInteger Unit1024 = 1024;

    private static readonly Dictionary<string, int> DecimalSuffixes = new(StringComparer.Ordinal)
    {
        ["n"] = -9,
        ["u"] = -6,
        ["m"] = -3,
        [""] = 0,
        ["k"] = 3,
        ["M"] = 6,
        ["G"] = 9,
        ["T"] = 12,
        ["P"] = 15,
        ["E"] = 18,
    };

    private static readonly Dictionary<string, int> BinarySuffixes = new(StringComparer.Ordinal)
    {
        ["Ki"] = 10,
        ["Mi"] = 20,
        ["Gi"] = 30,
        ["Ti"] = 40,
        ["Pi"] = 50,
        ["Ei"] = 60,
    };

    private static readonly string[] BinarySuffixByPower = ["", "Ki", "Mi", "Gi", "Ti", "Pi", "Ei"];

    private readonly BigInteger _nanos;
    private readonly string? _text;

    private Quantity(BigInteger nanos, QuantityFormat format, string? text = null)
    {
        _nanos = nanos;
        Format = format;
        _text = text;
    }

    /// <summary>Zero (<c>0</c>).</summary>
    public static Quantity Zero => default;

    /// <summary>The format used when the quantity is printed.</summary>
    public QuantityFormat Format { get; }

    /// <summary>Whether the value is zero.</summary>
    public bool IsZero => _nanos.IsZero;

    /// <summary>-1, 0 or 1 as the value is negative, zero or positive.</summary>
    public int Sign => _nanos.Sign;

    /// <summary>The value rounded up, away from zero, to a whole number (upstream <c>Value()</c>); saturates at the
    /// <see cref="long"/> range.</summary>
    public long Value => ScaledValue(0);

    /// <summary>The value in thousandths, rounded up away from zero (upstream <c>MilliValue()</c>); saturates at the
    /// <see cref="long"/> range.</summary>
    public long MilliValue => ScaledValue(-3);

    /// <summary>The value in nano units (exact).</summary>
    public BigInteger NanoValue => _nanos;

    /// <summary>Creates a quantity of <paramref name="value"/> whole units.</summary>
    public static Quantity FromValue(long value, QuantityFormat format = QuantityFormat.DecimalSI) =>
        new(value * NanosPerUnit, format);

    /// <summary>Creates a quantity of <paramref name="milliValue"/> thousandths (upstream <c>NewMilliQuantity</c>).</summary>
    public static Quantity FromMilliValue(long milliValue, QuantityFormat format = QuantityFormat.DecimalSI) =>
        new(milliValue * NanosPerMilli, format);

    /// <summary>Creates <paramref name="value"/> × 10^<paramref name="scale"/> (upstream <c>NewScaledQuantity</c>),
    /// rounded away from zero to the nano.</summary>
    public static Quantity FromScaledValue(long value, int scale)
    {
        if (scale is > MaxDecimalExponent or < -MaxDecimalExponent)
        {
            throw new ArgumentOutOfRangeException(nameof(scale));
        }

        return new(ScaleToNanos(value, scale + NanoDigits), QuantityFormat.DecimalSI);
    }

    /// <summary>Creates a quantity from a count of nano units.</summary>
    public static Quantity FromNanoValue(BigInteger nanos, QuantityFormat format = QuantityFormat.DecimalSI) =>
        new(nanos, format);

    /// <summary>Parses a quantity (<c>ParseQuantity</c>); throws <see cref="FormatException"/> when invalid.</summary>
    public static Quantity Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return TryParse(text, out var result, out var error)
            ? result
            : throw new FormatException($"quantity '{text}': {error}");
    }

    /// <inheritdoc />
    public static Quantity Parse(string s, IFormatProvider? provider) => Parse(s);

    /// <summary>Parses a quantity; returns false when <paramref name="text"/> is not one.</summary>
    public static bool TryParse([NotNullWhen(true)] string? text, out Quantity result) =>
        TryParse(text, out result, out _);

    /// <inheritdoc />
    public static bool TryParse([NotNullWhen(true)] string? s, IFormatProvider? provider, out Quantity result) =>
        TryParse(s, out result, out _);

    /// <summary>Adds two quantities; the result keeps this quantity's format (the other's when this one is zero).</summary>
    public Quantity Add(Quantity other) => new(_nanos + other._nanos, IsZero ? other.Format : Format);

    /// <summary>Subtracts <paramref name="other"/>; the format rule is the same as for <see cref="Add"/>.</summary>
    public Quantity Subtract(Quantity other) => new(_nanos - other._nanos, IsZero ? other.Format : Format);

    /// <summary>Multiplies by a whole number, keeping the format (upstream <c>Mul</c>).</summary>
    public Quantity Multiply(long factor) => new(_nanos * factor, Format);

    /// <summary>The negated value.</summary>
    public Quantity Negate() => new(-_nanos, Format);

    /// <summary>The same value printed with another format.</summary>
    public Quantity WithFormat(QuantityFormat format) => new(_nanos, format);

    /// <summary>Returns ceil(value / 10^scale), rounding away from zero (upstream <c>ScaledValue</c>); saturates.</summary>
    public long ScaledValue(int scale)
    {
        var shift = scale + NanoDigits;
        BigInteger result;
        if (shift <= 0)
        {
            result = _nanos * BigInteger.Pow(10, -shift);
        }
        else
        {
            var divisor = BigInteger.Pow(10, shift);
            result = BigInteger.DivRem(_nanos, divisor, out var remainder);
            if (!remainder.IsZero)
            {
                result += _nanos.Sign;
            }
        }

        if (result > long.MaxValue)
        {
            return long.MaxValue;
        }

        return result < long.MinValue ? long.MinValue : (long)result;
    }

    /// <summary>An approximate floating-point value (upstream <c>AsApproximateFloat64</c>).</summary>
    public double ToDouble() => (double)_nanos / 1e9;

    /// <summary>Compares values (upstream <c>Cmp</c>).</summary>
    public int CompareTo(Quantity other) => _nanos.CompareTo(other._nanos);

    /// <inheritdoc />
    public int CompareTo(object? obj) => obj switch
    {
        null => 1,
        Quantity other => CompareTo(other),
        _ => throw new ArgumentException("Object is not a Quantity", nameof(obj)),
    };

    /// <summary>Value equality; the format is ignored (upstream <c>Equal</c>).</summary>
    public bool Equals(Quantity other) => _nanos == other._nanos;

    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is Quantity other && Equals(other);

    /// <inheritdoc />
    public override int GetHashCode() => _nanos.GetHashCode();

    /// <summary>The canonical string, as upstream <c>String()</c> and the JSON form.</summary>
    public override string ToString() => _text ?? Canonicalize();

    public static Quantity operator +(Quantity left, Quantity right) => left.Add(right);

    public static Quantity operator -(Quantity left, Quantity right) => left.Subtract(right);

    public static Quantity operator -(Quantity value) => value.Negate();

    public static Quantity operator *(Quantity left, long right) => left.Multiply(right);

    public static bool operator ==(Quantity left, Quantity right) => left.Equals(right);

    public static bool operator !=(Quantity left, Quantity right) => !left.Equals(right);

    public static bool operator <(Quantity left, Quantity right) => left.CompareTo(right) < 0;

    public static bool operator <=(Quantity left, Quantity right) => left.CompareTo(right) <= 0;

    public static bool operator >(Quantity left, Quantity right) => left.CompareTo(right) > 0;

    public static bool operator >=(Quantity left, Quantity right) => left.CompareTo(right) >= 0;

    /// <summary>The larger of two quantities.</summary>
    public static Quantity Max(Quantity left, Quantity right) => left >= right ? left : right;

    /// <summary>The smaller of two quantities.</summary>
    public static Quantity Min(Quantity left, Quantity right) => left <= right ? left : right;

    private static bool TryParse(string? text, out Quantity result, out string error)
    {
        result = default;
        if (string.IsNullOrEmpty(text))
        {
            error = "quantities must match the regular expression '^([+-]?[0-9.]+)([eEinumkKMGTP]*[-+]?[0-9]*)$'";
            return false;
        }

        if (text == "0")
        {
            result = new(BigInteger.Zero, QuantityFormat.DecimalSI, "0");
            error = "";
            return true;
        }

        if (!TrySplit(text, out var positive, out var numerator, out var denominator, out var suffix))
        {
            error = "quantities must match the regular expression '^([+-]?[0-9.]+)([eEinumkKMGTP]*[-+]?[0-9]*)$'";
            return false;
        }

        if (!TryInterpretSuffix(suffix, out var isBinary, out var exponent, out var format))
        {
            error = "unable to parse quantity's suffix";
            return false;
        }

        if (!isBinary && exponent is > MaxDecimalExponent or < -MaxDecimalExponent)
        {
            error = "exponent out of range";
            return false;
        }

        // The digits as one integer; the value is digits × 10^-denominator.Length × base^exponent.
        var digits = BigInteger.Parse(numerator + denominator, NumberStyles.None, CultureInfo.InvariantCulture);
        BigInteger nanos;
        if (isBinary)
        {
            var scaled = digits << exponent;
            nanos = ScaleToNanos(scaled, NanoDigits - denominator.Length);
            if (nanos > MaxBinaryNanos)
            {
                nanos = MaxBinaryNanos;
            }

            if (nanos < NanosPerUnit && !nanos.IsZero)
            {
                format = QuantityFormat.DecimalSI;
            }
        }
        else
        {
            nanos = ScaleToNanos(digits, NanoDigits + exponent - denominator.Length);
        }

        if (!positive)
        {
            nanos = -nanos;
        }

        result = new(nanos, format, KeepsOriginalText(isBinary, exponent, numerator, denominator) ? text : null);
        error = "";
        return true;
    }

    // Upstream remembers the input string when it was parsed on the int64 fast path and is already canonical.
    private static bool KeepsOriginalText(bool isBinary, int exponent, string numerator, string denominator)
    {
        var shifted = numerator + denominator;
        if (isBinary)
        {
            if (denominator.Length != 0)
            {
                return false;
            }

            var precision = 15 - numerator.Length - (int)(exponent * 3f / 10) - 1;
            if (precision < 0 || !long.TryParse(shifted, NumberStyles.None, CultureInfo.InvariantCulture, out var value))
            {
                return false;
            }

            var fits = value == 0 || (long.MaxValue >> exponent) >= value;
            return fits && exponent % 10 == 0 && (value & 0x07) != 0;
        }

        var scale = exponent - denominator.Length;
        if (numerator.Length + denominator.Length > 18 || scale < -NanoDigits)
        {
            return false;
        }

        return scale % 3 == 0 && !shifted.EndsWith("000", StringComparison.Ordinal) && shifted[0] != '0';
    }

    // digits × 10^shift as a count of nanos, rounding a fraction away from zero.
    private static BigInteger ScaleToNanos(BigInteger value, int shift)
    {
        if (shift >= 0)
        {
            return value * BigInteger.Pow(10, shift);
        }

        // Dividing by more than 10^(digit count) leaves only the round-up unit.
        var digitCount = value.IsZero ? 1 : (int)Math.Ceiling(BigInteger.Log10(BigInteger.Abs(value)) + 1e-9);
        if (-shift > digitCount + 1)
        {
            return value.Sign;
        }

        var quotient = BigInteger.DivRem(value, BigInteger.Pow(10, -shift), out var remainder);
        return remainder.IsZero ? quotient : quotient + value.Sign;
    }

    // Mirrors upstream parseQuantityString, including its leniency: a bare sign, "." or a suffix alone parse as zero.
    private static bool TrySplit(string text, out bool positive, out string numerator, out string denominator, out string suffix)
    {
        positive = true;
        numerator = "0";
        denominator = "";
        suffix = "";
        var pos = 0;
        if (text[0] is '+' or '-')
        {
            positive = text[0] == '+';
            pos++;
        }

        while (pos < text.Length && text[pos] == '0')
        {
            pos++;
        }

        if (pos == text.Length)
        {
            return true;
        }

        var numberStart = pos;
        while (pos < text.Length && char.IsAsciiDigit(text[pos]))
        {
            pos++;
        }

        if (pos > numberStart)
        {
            numerator = text[numberStart..pos];
        }

        if (pos < text.Length && text[pos] == '.')
        {
            pos++;
            var fractionStart = pos;
            while (pos < text.Length && char.IsAsciiDigit(text[pos]))
            {
                pos++;
            }

            denominator = text[fractionStart..pos];
        }

        var suffixStart = pos;
        while (pos < text.Length && "eEinumkKMGTP".Contains(text[pos], StringComparison.Ordinal))
        {
            pos++;
        }

        if (pos < text.Length && text[pos] is '+' or '-')
        {
            pos++;
        }

        while (pos < text.Length && char.IsAsciiDigit(text[pos]))
        {
            pos++;
        }

        if (pos != text.Length)
        {
            return false;
        }

        suffix = text[suffixStart..];
        return true;
    }

    private static bool TryInterpretSuffix(string suffix, out bool isBinary, out int exponent, out QuantityFormat format)
    {
        isBinary = false;
        format = QuantityFormat.DecimalSI;
        if (DecimalSuffixes.TryGetValue(suffix, out exponent))
        {
            return true;
        }

        if (BinarySuffixes.TryGetValue(suffix, out exponent))
        {
            isBinary = true;
            format = QuantityFormat.BinarySI;
            return true;
        }

        format = QuantityFormat.DecimalExponent;
        return suffix.Length > 1 && suffix[0] is 'e' or 'E'
            && int.TryParse(suffix.AsSpan(1), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out exponent);
    }

    private string Canonicalize()
    {
        if (_nanos.IsZero)
        {
            return "0";
        }

        var format = Format;
        if (format == QuantityFormat.BinarySI)
        {
            var magnitude = BigInteger.Abs(_nanos);
            if (magnitude < Unit1024 * NanosPerUnit || !(magnitude % NanosPerUnit).IsZero)
            {
                format = QuantityFormat.DecimalSI;
            }
            else
            {
                var value = _nanos / NanosPerUnit;
                var power = 0;
                while (power < BinarySuffixByPower.Length - 1 && BigInteger.Abs(value) >= Unit1024 && (value % Unit1024).IsZero)
                {
                    value /= Unit1024;
                    power++;
                }

                return value.ToString(CultureInfo.InvariantCulture) + BinarySuffixByPower[power];
            }
        }

        var mantissa = _nanos;
        var exponent = -NanoDigits;
        while ((mantissa % 10).IsZero)
        {
            mantissa /= 10;
            exponent++;
        }

        while (exponent % 3 != 0)
        {
            mantissa *= 10;
            exponent--;
        }

        var builder = new StringBuilder(mantissa.ToString(CultureInfo.InvariantCulture));
        if (format == QuantityFormat.DecimalExponent)
        {
            if (exponent != 0)
            {
                builder.Append('e').Append(exponent.ToString(CultureInfo.InvariantCulture));
            }

            return builder.ToString();
        }

        if (exponent > 18)
        {
            builder.Append('0', exponent - 18);
            exponent = 18;
        }

        return builder.Append(DecimalSuffixes.First(pair => pair.Value == exponent).Key).ToString();
    }
}
