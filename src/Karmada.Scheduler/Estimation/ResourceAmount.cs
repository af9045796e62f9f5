using System.Numerics;
using Karmada.Api.Core;

namespace Karmada.Scheduler.Estimation;

/// <summary>
/// A <see cref="Quantity"/> as an exact count of nanos in an <see cref="Int128"/>, for the estimator's per-cluster
/// arithmetic: <see cref="Quantity.Parse(string)"/> builds BigIntegers and substrings, which made estimation the bulk
/// of a scheduling decision. Plain decimal texts (<c>1100</c>, <c>250m</c>, <c>1.5</c>, <c>16Gi</c>) are read
/// directly; anything else goes through <see cref="Quantity"/>, so the values are the same.
/// </summary>
internal readonly struct ResourceAmount
{
    private const int NanoDigits = 9;

    // More digits than this could overflow the long mantissa.
    private const int MaxMantissaDigits = 18;

    private static readonly Int128[] PowersOf10 = CreatePowersOf10(38);

    /// <summary>Amounts are kept within ±10^37 nanos so that summing or subtracting three never overflows.</summary>
    private static readonly Int128 Limit = PowersOf10[37];

    private static readonly Int128 NanosPerUnit = 1_000_000_000;
    private static readonly Int128 NanosPerMilli = 1_000_000;
    private static readonly Int128 MaxBinaryNanos = (Int128)long.MaxValue * NanosPerUnit;

    private ResourceAmount(Int128 nanos)
    {
        Nanos = nanos;
    }

    public static ResourceAmount Zero => default;

    /// <summary>The exact value in nano units.</summary>
    public Int128 Nanos { get; }

    /// <summary><see cref="Quantity.Value"/>: rounded up away from zero to a whole number, saturating.</summary>
    public long Value => Scaled(NanosPerUnit);

    /// <summary><see cref="Quantity.MilliValue"/>: thousandths rounded up away from zero, saturating.</summary>
    public long MilliValue => Scaled(NanosPerMilli);

    public static ResourceAmount operator -(ResourceAmount left, ResourceAmount right) => new(left.Nanos - right.Nanos);

    /// <summary>
    /// Reads a quantity text. False when it is no quantity or too large for the fast arithmetic: the caller then
    /// redoes its work with <see cref="Quantity"/>, which answers (or throws) as before.
    /// </summary>
    public static bool TryParse(string text, out ResourceAmount amount)
    {
        if (TryParsePlain(text, out amount))
        {
            return true;
        }

        if (!Quantity.TryParse(text, out var quantity) || BigInteger.Abs(quantity.NanoValue) > (BigInteger)Limit)
        {
            return false;
        }

        amount = new((Int128)quantity.NanoValue);
        return true;
    }

    /// <summary>The amount of <paramref name="name"/> in <paramref name="list"/>; absent is zero, as <see cref="ResourceList.GetQuantity"/>.</summary>
    public static bool TryGet(ResourceList list, string name, out ResourceAmount amount)
    {
        if (list.TryGetValue(name, out var text))
        {
            return TryParse(text, out amount);
        }

        amount = default;
        return true;
    }

    /// <summary>
    /// <c>digits[.digits]suffix</c> with a decimal (<c>n</c> … <c>E</c>) or binary (<c>Ki</c> … <c>Ei</c>) suffix whose value
    /// is a whole number of nanos; false for everything else (signs, exponents, finer than a nano, very large values).
    /// </summary>
    private static bool TryParsePlain(string text, out ResourceAmount amount)
    {
        amount = default;
        long mantissa = 0;
        var digits = 0;
        var fractionDigits = 0;
        var pos = 0;
        var inFraction = false;
        for (; pos < text.Length; pos++)
        {
            var c = text[pos];
            if (char.IsAsciiDigit(c))
            {
                if (++digits > MaxMantissaDigits)
                {
                    return false;
                }

                mantissa = (mantissa * 10) + (c - '0');
                fractionDigits += inFraction ? 1 : 0;
            }
            else if (c == '.' && !inFraction && digits > 0)
            {
                inFraction = true;
            }
            else
            {
                break;
            }
        }

        // A trailing "." and texts without digits are left to Quantity's lenient reading.
        if (digits == 0 || (inFraction && fractionDigits == 0))
        {
            return false;
        }

        if (!TryReadSuffix(text.AsSpan(pos), out var binary, out var exponent))
        {
            return false;
        }

        var shift = NanoDigits - fractionDigits + (binary ? 0 : exponent);
        if (shift < 0)
        {
            return false;
        }

        // 9 + 18 at most: the table covers it.
        var multiplier = PowersOf10[shift];
        if (binary)
        {
            multiplier <<= exponent;
        }

        // Also keeps binary values below Quantity's saturation point (MaxBinaryNanos < Limit).
        var bound = binary ? MaxBinaryNanos : Limit;
        if (mantissa > bound / multiplier)
        {
            return false;
        }

        amount = new(mantissa * multiplier);
        return true;
    }

    private static bool TryReadSuffix(ReadOnlySpan<char> suffix, out bool binary, out int exponent)
    {
        binary = false;
        exponent = 0;
        switch (suffix.Length)
        {
            case 0:
                return true;
            case 1:
                exponent = suffix[0] switch
                {
                    'n' => -9,
                    'u' => -6,
                    'm' => -3,
                    'k' => 3,
                    'M' => 6,
                    'G' => 9,
                    'T' => 12,
                    'P' => 15,
                    'E' => 18,
                    _ => int.MinValue,
                };
                return exponent != int.MinValue;
            case 2 when suffix[1] == 'i':
                binary = true;
                exponent = suffix[0] switch
                {
                    'K' => 10,
                    'M' => 20,
                    'G' => 30,
                    'T' => 40,
                    'P' => 50,
                    'E' => 60,
                    _ => int.MinValue,
                };
                return exponent != int.MinValue;
            default:
                return false;
        }
    }

    private static Int128[] CreatePowersOf10(int count)
    {
        var powers = new Int128[count + 1];
        powers[0] = 1;
        for (var i = 1; i < powers.Length; i++)
        {
            powers[i] = powers[i - 1] * 10;
        }

        return powers;
    }

    private long Scaled(Int128 unit)
    {
        var quotient = Int128.DivRem(Nanos, unit);
        var result = quotient.Quotient;
        if (quotient.Remainder != 0)
        {
            result += Int128.Sign(Nanos);
        }

        if (result > long.MaxValue)
        {
            return long.MaxValue;
        }

        return result < long.MinValue ? long.MinValue : (long)result;
    }
}
