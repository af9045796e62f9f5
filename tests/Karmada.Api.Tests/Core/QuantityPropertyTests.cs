using System.Numerics;
using Karmada.Api.Core;

namespace Karmada.Api.Tests.Core;

/// <summary>Randomised invariants over many values (seeded, so failures reproduce).</summary>
public sealed class QuantityPropertyTests
{
    private static readonly QuantityFormat[] Formats = [QuantityFormat.DecimalSI, QuantityFormat.BinarySI, QuantityFormat.DecimalExponent];

    [Fact]
    public void ToString_ThenParse_KeepsValue()
    {
        var random = new Random(20250304);
        for (var i = 0; i < 5000; i++)
        {
            var quantity = RandomQuantity(random);

            var reparsed = Quantity.Parse(quantity.ToString());

            Assert.True(quantity == reparsed, $"{quantity.NanoValue} ({quantity.Format}) printed as {quantity} parsed back as {reparsed.NanoValue}");
        }
    }

    [Fact]
    public void ParseThenToString_IsStable()
    {
        // As upstream, a computed BinarySI value that is not a multiple of 1024 prints without suffix and reparses as
        // DecimalSI (204000 becomes 204k), so stability holds from the first parse on.
        var random = new Random(7);
        for (var i = 0; i < 2000; i++)
        {
            var once = Quantity.Parse(RandomQuantity(random).ToString()).ToString();

            Assert.Equal(once, Quantity.Parse(once).ToString());
        }
    }

    [Fact]
    public void AddThenSubtract_ReturnsOriginalValue()
    {
        var random = new Random(11);
        for (var i = 0; i < 2000; i++)
        {
            var a = RandomQuantity(random);
            var b = RandomQuantity(random);

            Assert.Equal(a, a + b - b);
            Assert.Equal(a + b, b + a);
            Assert.Equal(Math.Sign((a - b).Sign), a.CompareTo(b));
        }
    }

    [Fact]
    public void MilliValue_IsCeilingOfNanos()
    {
        var random = new Random(3);
        for (var i = 0; i < 2000; i++)
        {
            var quantity = RandomQuantity(random);
            var exact = (decimal)quantity.NanoValue / 1_000_000m;
            var expected = quantity.Sign >= 0 ? Math.Ceiling(exact) : Math.Floor(exact);

            Assert.Equal((long)expected, quantity.MilliValue);
        }
    }

    private static Quantity RandomQuantity(Random random)
    {
        // Mix whole units, milli values and binary multiples so every suffix family shows up.
        BigInteger nanos = random.Next(4) switch
        {
            0 => new BigInteger(random.NextInt64(-1_000_000, 1_000_000)) * 1_000_000_000,
            1 => new BigInteger(random.NextInt64(-10_000_000, 10_000_000)) * 1_000_000,
            2 => new BigInteger(random.NextInt64(0, 4096)) * BigInteger.Pow(1024, random.Next(0, 5)) * 1_000_000_000,
            _ => new BigInteger(random.NextInt64(-1_000_000_000_000, 1_000_000_000_000)),
        };
        return Quantity.FromNanoValue(nanos, Formats[random.Next(Formats.Length)]);
    }
}
