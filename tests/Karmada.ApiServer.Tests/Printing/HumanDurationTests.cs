using Karmada.ApiServer.Printing;

namespace Karmada.ApiServer.Tests.Printing;

public sealed class HumanDurationTests
{
    [Theory]
    [InlineData(0, "0s")]
    [InlineData(59, "59s")]
    [InlineData(119, "119s")]
    [InlineData(120, "2m")]
    [InlineData(200, "3m20s")]
    [InlineData(600, "10m")]
    [InlineData(3 * 3600, "3h")]
    [InlineData((3 * 3600) + 1800, "3h30m")]
    [InlineData(30 * 3600, "30h")]
    [InlineData(3 * 86400, "3d")]
    [InlineData((3 * 86400) + 7200, "3d2h")]
    [InlineData(100 * 86400, "100d")]
    [InlineData(3 * 365 * 86400, "3y")]
    public void Format_Duration_MatchesKubernetes(long seconds, string expected)
    {
        Assert.Equal(expected, HumanDuration.Format(TimeSpan.FromSeconds(seconds)));
    }
}
