using Karmada.Protobuf.Decoding;

namespace Karmada.Protobuf.Tests.Decoding;

public sealed class GoDurationTests
{
    // Expected strings are what Go's time.Duration(n).String() prints.
    [Theory]
    [InlineData(0L, "0s")]
    [InlineData(1L, "1ns")]
    [InlineData(999L, "999ns")]
    [InlineData(1_500L, "1.5µs")]
    [InlineData(1_000_000L, "1ms")]
    [InlineData(1_234_567L, "1.234567ms")]
    [InlineData(1_000_000_000L, "1s")]
    [InlineData(90_500_000_000L, "1m30.5s")]
    [InlineData(7_200_000_000_000L, "2h0m0s")]
    [InlineData(3_723_000_000_001L, "1h2m3.000000001s")]
    [InlineData(-1_500_000_000L, "-1.5s")]
    [InlineData(-1L, "-1ns")]
    [InlineData(long.MaxValue, "2562047h47m16.854775807s")]
    [InlineData(long.MinValue, "-2562047h47m16.854775808s")]
    public void Format_Nanoseconds_MatchesGo(long nanoseconds, string expected)
    {
        Assert.Equal(expected, GoDuration.Format(nanoseconds));
    }
}
