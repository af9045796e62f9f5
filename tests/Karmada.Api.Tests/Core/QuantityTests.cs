using System.Numerics;
using Karmada.Api.Core;

namespace Karmada.Api.Tests.Core;

public sealed class QuantityTests
{
    // Input and the string upstream resource.Quantity prints for it (String() / JSON).
    public static TheoryData<string, string> Canonical() => new()
    {
        { "0", "0" },
        { "-0", "0" },
        { "0m", "0" },
        { "0Ki", "0" },
        { "1", "1" },
        { "1.0", "1" },
        { "100m", "100m" },
        { "1000m", "1" },
        { "1500m", "1500m" },
        { "0.1", "100m" },
        { ".5", "500m" },
        { "1.5", "1500m" },
        { "-1.5", "-1500m" },
        { "1k", "1k" },
        { "1000", "1k" },
        { "1500000", "1500k" },
        { "1.5k", "1500" },
        { "10M", "10M" },
        { "1G", "1G" },
        { "1T", "1T" },
        { "1P", "1P" },
        { "1E", "1E" },
        { "1n", "1n" },
        { "1u", "1u" },
        { "1500u", "1500u" },
        { "1.5m", "1500u" },
        { "0.0000000001", "1n" },
        { "-0.0000000001", "-1n" },
        { "1Ki", "1Ki" },
        { "-1Ki", "-1Ki" },
        { "100Ki", "100Ki" },
        { "1024", "1024" },
        { "1024Ki", "1Mi" },
        { "1536Mi", "1536Mi" },
        { "1.5Gi", "1536Mi" },
        { "0.5Gi", "512Mi" },
        { "0.5Ki", "512" },
        { "1.1Ki", "1126400m" },
        { "1023Ki", "1023Ki" },
        { "8Ei", "9223372036854775807" },
        { "1e3", "1e3" },
        { "1E3", "1E3" },
        { "1e4", "10e3" },
        { "1.5e3", "1500" },
        { "12e-3", "12e-3" },
        { "1e-9", "1e-9" },
        { "1e-10", "1e-9" },
        { "123456789012345678901234567890", "123456789012345678901234567890" },
        { "1000E", "1000E" },

        // Upstream keeps the input text when it was parsed on the fast path and looks canonical.
        { "1.500", "1.500" },
        { "+1", "+1" },
        { "0100m", "0100m" },
        { "1.", "1." },
        { "1.G", "1.G" },
    };

    [Theory]
    [MemberData(nameof(Canonical))]
    public void ToString_ParsedQuantity_PrintsUpstreamCanonicalForm(string input, string expected)
    {
        Assert.Equal(expected, Quantity.Parse(input).ToString());
    }

    [Theory]
    [MemberData(nameof(Canonical))]
    public void Parse_CanonicalForm_KeepsValue(string input, string canonical)
    {
        Assert.Equal(Quantity.Parse(input), Quantity.Parse(canonical));
    }

    [Theory]
    [InlineData("")]
    [InlineData("abc")]
    [InlineData("1.2.3")]
    [InlineData("1K")]
    [InlineData("1Kii")]
    [InlineData("1e")]
    [InlineData("1e1.5")]
    [InlineData("1 Gi")]
    [InlineData(" 1")]
    [InlineData("1Gi ")]
    [InlineData("--1")]
    [InlineData("1e99999")]
    [InlineData("0x10")]
    public void TryParse_Malformed_ReturnsFalse(string input)
    {
        Assert.False(Quantity.TryParse(input, out _));
        Assert.Throws<FormatException>(() => Quantity.Parse(input));
    }

    [Fact]
    public void TryParse_Null_ReturnsFalse()
    {
        Assert.False(Quantity.TryParse(null, out _));
    }

    [Theory]
    [InlineData("+")]
    [InlineData("-")]
    [InlineData(".")]
    [InlineData("m")]
    public void Parse_UpstreamLenientForms_AreZero(string input)
    {
        Assert.True(Quantity.Parse(input).IsZero);
    }

    [Theory]
    [InlineData("1Ki", QuantityFormat.BinarySI)]
    [InlineData("0.5Ki", QuantityFormat.BinarySI)]
    [InlineData("0.0001Ki", QuantityFormat.DecimalSI)]
    [InlineData("1k", QuantityFormat.DecimalSI)]
    [InlineData("1", QuantityFormat.DecimalSI)]
    [InlineData("1e3", QuantityFormat.DecimalExponent)]
    [InlineData("1E-3", QuantityFormat.DecimalExponent)]
    public void Parse_Suffix_SetsFormat(string input, QuantityFormat format)
    {
        Assert.Equal(format, Quantity.Parse(input).Format);
    }

    [Theory]
    [InlineData("1500m", 2, 1500)]
    [InlineData("1.1", 2, 1100)]
    [InlineData("-1.1", -2, -1100)]
    [InlineData("1n", 1, 1)]
    [InlineData("-1n", -1, -1)]
    [InlineData("100Ki", 102400, 102400000)]
    [InlineData("1G", 1000000000, 1000000000000)]
    [InlineData("0", 0, 0)]
    [InlineData("250m", 1, 250)]
    public void ValueAndMilliValue_RoundAwayFromZero(string input, long value, long milliValue)
    {
        var quantity = Quantity.Parse(input);

        Assert.Equal(value, quantity.Value);
        Assert.Equal(milliValue, quantity.MilliValue);
    }

    [Theory]
    [InlineData("8Ei", long.MaxValue)]
    [InlineData("1e30", long.MaxValue)]
    [InlineData("-1e30", long.MinValue)]
    public void Value_OutOfRange_Saturates(string input, long expected)
    {
        Assert.Equal(expected, Quantity.Parse(input).Value);
    }

    [Fact]
    public void ScaledValue_PositiveScale_RoundsUp()
    {
        Assert.Equal(1073742, Quantity.Parse("1Gi").ScaledValue(3));
        Assert.Equal(1500000, Quantity.Parse("1500m").ScaledValue(-6));
    }

    [Fact]
    public void NanoValue_IsExact()
    {
        Assert.Equal(new BigInteger(1_500_000_000), Quantity.Parse("1.5").NanoValue);
        Assert.Equal(new BigInteger(1), Quantity.Parse("0.0000000001").NanoValue);
    }

    [Theory]
    [InlineData("1", "500m", "1500m")]
    [InlineData("1Gi", "512Mi", "1536Mi")]
    [InlineData("0", "1Gi", "1Gi")]
    [InlineData("1Gi", "-1Gi", "0")]
    [InlineData("100m", "-200m", "-100m")]
    [InlineData("1k", "1", "1001")]
    [InlineData("8Ei", "8Ei", "18446744073709551614")]
    public void Add_TwoQuantities_SumsAndKeepsLeftFormat(string left, string right, string expected)
    {
        Assert.Equal(expected, (Quantity.Parse(left) + Quantity.Parse(right)).ToString());
        Assert.Equal(expected, Quantity.Parse(left).Add(Quantity.Parse(right)).ToString());
    }

    [Theory]
    [InlineData("1Gi", "1Gi", "0")]
    [InlineData("100m", "200m", "-100m")]
    [InlineData("2Gi", "512Mi", "1536Mi")]
    [InlineData("0", "1Ki", "-1Ki")]
    public void Subtract_TwoQuantities_Differs(string left, string right, string expected)
    {
        Assert.Equal(expected, (Quantity.Parse(left) - Quantity.Parse(right)).ToString());
    }

    [Fact]
    public void Multiply_AndNegate_KeepFormat()
    {
        Assert.Equal("6Gi", (Quantity.Parse("2Gi") * 3).ToString());
        Assert.Equal("2", Quantity.Parse("500m").Multiply(4).ToString());
        Assert.Equal("-1", (-Quantity.Parse("1")).ToString());
    }

    [Fact]
    public void Arithmetic_DropsRememberedText()
    {
        var original = Quantity.Parse("1.500");

        Assert.Equal("1500m", (original + Quantity.Zero).ToString());
    }

    [Fact]
    public void Comparison_ComparesValuesAcrossFormats()
    {
        Assert.Equal(Quantity.Parse("1Ki"), Quantity.Parse("1024"));
        Assert.Equal(Quantity.Parse("1Ki").GetHashCode(), Quantity.Parse("1024").GetHashCode());
        Assert.True(Quantity.Parse("1Ki") > Quantity.Parse("1k"));
        Assert.True(Quantity.Parse("999m") < Quantity.Parse("1"));
        Assert.True(Quantity.Parse("1") <= Quantity.Parse("1000m"));
        Assert.True(Quantity.Parse("-1") != Quantity.Parse("1"));
        Assert.Equal(0, Quantity.Parse("1e3").CompareTo(Quantity.Parse("1k")));
        Assert.Equal(Quantity.Parse("2"), Quantity.Max(Quantity.Parse("2"), Quantity.Parse("1500m")));
        Assert.Equal(Quantity.Parse("1500m"), Quantity.Min(Quantity.Parse("2"), Quantity.Parse("1500m")));
    }

    [Fact]
    public void Sort_MixedFormats_OrdersByValue()
    {
        var sorted = new[] { "1Gi", "1G", "100Mi", "1e8", "0" }.Select(Quantity.Parse).Order().Select(q => q.ToString());

        Assert.Equal(["0", "100e6", "100Mi", "1G", "1Gi"], sorted);
    }

    [Fact]
    public void Factories_BuildExpectedValues()
    {
        Assert.Equal("5", Quantity.FromValue(5).ToString());
        Assert.Equal("2Ki", Quantity.FromValue(2048, QuantityFormat.BinarySI).ToString());
        Assert.Equal("1500m", Quantity.FromMilliValue(1500).ToString());
        Assert.Equal("5M", Quantity.FromScaledValue(5, 6).ToString());
        Assert.Equal("1500m", Quantity.FromScaledValue(15, -1).ToString());
        Assert.Equal("1n", Quantity.FromScaledValue(1, -12).ToString());
        Assert.Equal("0", Quantity.Zero.ToString());
        Assert.Equal("0", default(Quantity).ToString());

        // A BinarySI value that is not a multiple of 1024 prints without suffix, as upstream.
        Assert.Equal("204000", Quantity.FromValue(204000, QuantityFormat.BinarySI).ToString());
    }

    [Fact]
    public void WithFormat_ChangesOnlyPrinting()
    {
        var quantity = Quantity.Parse("1048576").WithFormat(QuantityFormat.BinarySI);

        Assert.Equal("1Mi", quantity.ToString());
        Assert.Equal(Quantity.Parse("1048576"), quantity);
    }

    [Fact]
    public void Parse_WithProvider_MatchesParse()
    {
        Assert.Equal(Quantity.Parse("3Gi"), Quantity.Parse("3Gi", null));
        Assert.True(Quantity.TryParse("3Gi", null, out var parsed));
        Assert.Equal("3Gi", parsed.ToString());
    }

    [Fact]
    public void ToDouble_ApproximatesValue()
    {
        Assert.Equal(1.5, Quantity.Parse("1500m").ToDouble(), 9);
    }
}
