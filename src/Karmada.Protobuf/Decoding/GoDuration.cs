namespace Karmada.Protobuf.Decoding;

/// <summary>Formats nanoseconds exactly like Go's <c>time.Duration.String()</c>, which meta/v1 Duration uses in JSON.</summary>
internal static class GoDuration
{
    private const ulong Microsecond = 1_000;
    private const ulong Millisecond = 1_000_000;
    private const ulong Second = 1_000_000_000;

    public static string Format(long nanoseconds)
    {
        // Go's buffer is 32 bytes; "µ" is one char here, so 32 chars are always enough.
        Span<char> buffer = stackalloc char[32];
        var w = buffer.Length;
        var negative = nanoseconds < 0;
        var u = negative ? unchecked(0UL - (ulong)nanoseconds) : (ulong)nanoseconds;

        if (u < Second)
        {
            // Below one second Go switches to ns, µs or ms with a fraction, like "1.5ms".
            int precision;
            buffer[--w] = 's';
            w--;
            if (u == 0)
            {
                buffer[w] = '0';
                return new string(buffer[w..]);
            }

            if (u < Microsecond)
            {
                precision = 0;
                buffer[w] = 'n';
            }
            else if (u < Millisecond)
            {
                precision = 3;
                buffer[w] = 'µ';
            }
            else
            {
                precision = 6;
                buffer[w] = 'm';
            }

            w = FormatFraction(buffer[..w], ref u, precision);
            w = FormatInteger(buffer[..w], u);
        }
        else
        {
            buffer[--w] = 's';
            w = FormatFraction(buffer[..w], ref u, 9);
            w = FormatInteger(buffer[..w], u % 60);
            u /= 60;
            if (u > 0)
            {
                buffer[--w] = 'm';
                w = FormatInteger(buffer[..w], u % 60);
                u /= 60;
                if (u > 0)
                {
                    buffer[--w] = 'h';
                    w = FormatInteger(buffer[..w], u);
                }
            }
        }

        if (negative)
        {
            buffer[--w] = '-';
        }

        return new string(buffer[w..]);
    }

    // Writes ".fraction" without trailing zeros (nothing when the fraction is zero) and leaves the integer part in value.
    private static int FormatFraction(Span<char> buffer, ref ulong value, int precision)
    {
        var w = buffer.Length;
        var print = false;
        for (var i = 0; i < precision; i++)
        {
            var digit = value % 10;
            print = print || digit != 0;
            if (print)
            {
                buffer[--w] = (char)('0' + (int)digit);
            }

            value /= 10;
        }

        if (print)
        {
            buffer[--w] = '.';
        }

        return w;
    }

    private static int FormatInteger(Span<char> buffer, ulong value)
    {
        var w = buffer.Length;
        if (value == 0)
        {
            buffer[--w] = '0';
            return w;
        }

        while (value > 0)
        {
            buffer[--w] = (char)('0' + (int)(value % 10));
            value /= 10;
        }

        return w;
    }
}
