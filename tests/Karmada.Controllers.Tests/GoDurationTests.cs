using Karmada.Controllers.Runtime;

namespace Karmada.Controllers.Tests;

public sealed class GoDurationTests
{
    [Theory]
    [InlineData("10s", 10_000)]
    [InlineData("500ms", 500)]
    [InlineData("1m30s", 90_000)]
    [InlineData("1.5s", 1_500)]
    [InlineData("0", 0)]
    public void Parse_GoDurations(string text, double milliseconds) =>
        Assert.Equal(TimeSpan.FromMilliseconds(milliseconds), GoDuration.Parse(text));

    [Theory]
    [InlineData("10")]
    [InlineData("s")]
    [InlineData("10x")]
    [InlineData("")]
    public void TryParse_Invalid_ReturnsFalse(string text) => Assert.False(GoDuration.TryParse(text, out _));
}
