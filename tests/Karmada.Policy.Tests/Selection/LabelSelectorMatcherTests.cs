using Karmada.Api.Meta;
using Karmada.Policy.Selection;

namespace Karmada.Policy.Tests.Selection;

public sealed class LabelSelectorMatcherTests
{
    private static readonly Dictionary<string, string> Labels = new() { ["app"] = "web", ["tier"] = "front" };

    [Theory]
    [InlineData("""{}""", true)]
    [InlineData("""{"matchLabels":{"app":"web"}}""", true)]
    [InlineData("""{"matchLabels":{"app":"db"}}""", false)]
    [InlineData("""{"matchExpressions":[{"key":"app","operator":"In","values":["web","db"]}]}""", true)]
    [InlineData("""{"matchExpressions":[{"key":"app","operator":"NotIn","values":["web"]}]}""", false)]
    [InlineData("""{"matchExpressions":[{"key":"zone","operator":"NotIn","values":["a"]}]}""", true)]
    [InlineData("""{"matchExpressions":[{"key":"tier","operator":"Exists"}]}""", true)]
    [InlineData("""{"matchExpressions":[{"key":"tier","operator":"DoesNotExist"}]}""", false)]
    [InlineData("""{"matchExpressions":[{"key":"tier","operator":"Exists","values":["x"]}]}""", false)]
    [InlineData("""{"matchExpressions":[{"key":"app","operator":"In"}]}""", false)]
    public void Matches_Selector_FollowsApimachinery(string selector, bool expected)
    {
        Assert.Equal(expected, LabelSelectorMatcher.Matches(TestJson.Typed<LabelSelector>(selector), Labels));
    }

    [Fact]
    public void Matches_NullSelector_MatchesNothing()
    {
        Assert.False(LabelSelectorMatcher.Matches(null, Labels));
    }
}
