using System.Text;

namespace Karmada.Storage.Tests;

public sealed class StorageKeyComparerTests
{
    [Theory]
    [InlineData("/a", "/b")]
    [InlineData("/a", "/a/")]
    [InlineData("/a/b", "/a/bc")]
    [InlineData("/a/b/", "/a/bc")]
    [InlineData("", "/")]
    [InlineData("\uFFFD", "\U0001F600")]
    [InlineData("\uE000", "\U00010000")]
    public void CompareKeys_OrderedPair_MatchesUtf8ByteOrder(string lower, string higher)
    {
        Assert.True(StorageKeyComparer.CompareKeys(lower, higher) < 0);
        Assert.True(StorageKeyComparer.CompareKeys(higher, lower) > 0);
        Assert.True(Encoding.UTF8.GetBytes(lower).AsSpan().SequenceCompareTo(Encoding.UTF8.GetBytes(higher)) < 0);
    }

    [Fact]
    public void CompareKeys_EqualKeys_ReturnsZero()
    {
        Assert.Equal(0, StorageKeyComparer.CompareKeys("/registry/core/pods/ns/a", "/registry/core/pods/ns/a"));
    }
}
