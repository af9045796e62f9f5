namespace Karmada.Json.Tests;

public sealed class GoFloatTests
{
    [Theory]
    [InlineData(1.0, "1")]
    [InlineData(0.5, "0.5")]
    [InlineData(0.0, "0")]
    [InlineData(-0.0, "-0")]
    [InlineData(1e20, "100000000000000000000")]
    [InlineData(1e21, "1e+21")]
    [InlineData(1e-6, "0.000001")]
    [InlineData(1e-7, "1e-7")]
    [InlineData(1.5e-10, "1.5e-10")]
    [InlineData(123456789.0, "123456789")]
    [InlineData(-2.5e-6, "-0.0000025")]
    [InlineData(0.1, "0.1")]
    public void FormatJson_Float_MatchesEncodingJson(double value, string expected) => Assert.Equal(expected, GoFloat.FormatJson(value));

    [Fact]
    public void FormatJson_NaN_Throws() => Assert.Throws<ArgumentOutOfRangeException>(() => GoFloat.FormatJson(double.NaN));

    [Theory]
    [InlineData(1.0, "1")]
    [InlineData(1.5, "1.5")]
    [InlineData(0.1, "0.1")]
    [InlineData(-2.5, "-2.5")]
    [InlineData(0.0, "0")]
    [InlineData(123456.0, "123456")]
    [InlineData(1234567.0, "1.234567e+06")]
    [InlineData(1e21, "1e+21")]
    [InlineData(0.0001, "0.0001")]
    [InlineData(0.00001, "1e-05")]
    [InlineData(1e100, "1e+100")]
    [InlineData(double.NaN, "NaN")]
    [InlineData(double.PositiveInfinity, "+Inf")]
    [InlineData(double.NegativeInfinity, "-Inf")]
    public void FormatG_Float_MatchesStrconvAndPercentV(double value, string expected) => Assert.Equal(expected, GoFloat.FormatG(value));
}
