using System.Globalization;
using Karmada.Api.Core;
using Karmada.Scheduler.Estimation;

namespace Karmada.Scheduler.Tests.Estimation;

public sealed class ResourceAmountTests
{
    public static TheoryData<string> Texts => new()
    {
        "0", "1", "110", "0500", "1100", "250m", "1500m", "1m", "1n", "1u", "999999999n", "1.5", "0.001", "1.000000001",
        "1.0000000001", "16Gi", "1.5Gi", "512Mi", "1Ki", "7Ei", "8Ei", "9Ei", "1.25Ti", "100k", "1M", "3G", "2T", "5P", "9E",
        "99E", "123456789012345678", "1234567890123456789", "9223372036854775807", "9223372036854775808", "1e3", "1E3",
        "1.5e2", "+5", "-5", "-250m", "5.", ".5", ".", "1..2", "", "abc", "1Q", "1KI", "1K", "1mi", "10000000000000000E",
        "0.5n", "1.5n",
    };

    [Theory]
    [MemberData(nameof(Texts))]
    public void TryParse_AgreesWithQuantity(string text)
    {
        var parsed = ResourceAmount.TryParse(text, out var amount);

        if (!Quantity.TryParse(text, out var quantity))
        {
            Assert.False(parsed);
            return;
        }

        // Declining is allowed only for values the Int128 arithmetic cannot hold; the caller falls back then.
        if (!parsed)
        {
            Assert.True(System.Numerics.BigInteger.Abs(quantity.NanoValue) > System.Numerics.BigInteger.Pow(10, 37), text);
            return;
        }

        Assert.Equal(quantity.NanoValue, (System.Numerics.BigInteger)amount.Nanos);
        Assert.Equal(quantity.Value, amount.Value);
        Assert.Equal(quantity.MilliValue, amount.MilliValue);
    }

    [Fact]
    public void TryParse_GeneratedDecimalAndBinaryTexts_AgreeWithQuantity()
    {
        string[] suffixes = ["", "n", "u", "m", "k", "M", "G", "T", "P", "E", "Ki", "Mi", "Gi", "Ti", "Pi", "Ei"];
        var random = new Random(20261128);
        for (var i = 0; i < 5000; i++)
        {
            var integer = random.NextInt64(0, long.MaxValue) >> random.Next(0, 63);
            var text = integer.ToString(CultureInfo.InvariantCulture);
            if (random.Next(3) == 0)
            {
                text += "." + random.Next(0, 1_000_000).ToString(CultureInfo.InvariantCulture);
            }

            text += suffixes[random.Next(suffixes.Length)];
            var quantity = Quantity.Parse(text);
            if (ResourceAmount.TryParse(text, out var amount))
            {
                Assert.Equal(quantity.NanoValue, (System.Numerics.BigInteger)amount.Nanos);
                Assert.Equal(quantity.Value, amount.Value);
                Assert.Equal(quantity.MilliValue, amount.MilliValue);
            }
            else
            {
                Assert.True(System.Numerics.BigInteger.Abs(quantity.NanoValue) > System.Numerics.BigInteger.Pow(10, 37), text);
            }
        }
    }

    [Fact]
    public void Subtraction_IsExactAcrossUnits()
    {
        Assert.True(ResourceAmount.TryParse("4", out var allocatable));
        Assert.True(ResourceAmount.TryParse("1500m", out var allocated));
        Assert.True(ResourceAmount.TryParse("1n", out var allocating));

        var free = allocatable - allocated - allocating;

        // 2.499999999 cores: Value rounds up to 3, MilliValue to 2500.
        Assert.Equal(3, free.Value);
        Assert.Equal(2500, free.MilliValue);
    }
}
