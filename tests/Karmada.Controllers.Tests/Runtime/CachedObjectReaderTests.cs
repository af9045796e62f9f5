using Karmada.Controllers.Runtime;

namespace Karmada.Controllers.Tests.Runtime;

public sealed class CachedObjectReaderTests
{
    [Theory]
    [InlineData("10", null, false)]
    [InlineData("10", "", false)]
    [InlineData("10", "10", false)]
    [InlineData("11", "10", false)]
    [InlineData("9", "10", true)]
    [InlineData("99", "100", true)]
    [InlineData("abc", "abc", false)]
    [InlineData("abc", "abd", true)]
    [InlineData(null, "10", true)]
    public void A_cached_copy_is_older_only_when_its_revision_is_below_the_wanted_one(string? cached, string? wanted, bool older) =>
        Assert.Equal(older, CachedObjectReader.IsOlder(cached, wanted));
}
