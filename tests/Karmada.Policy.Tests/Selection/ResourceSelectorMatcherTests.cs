using Karmada.Api.Policy.V1Alpha1;
using Karmada.Policy.Selection;

namespace Karmada.Policy.Tests.Selection;

public sealed class ResourceSelectorMatcherTests
{
    private static readonly System.Text.Json.Nodes.JsonObject Pod = TestJson.Obj("""
        {"apiVersion":"v1","kind":"Pod","metadata":{"name":"web","namespace":"default","labels":{"app":"web"}}}
        """);

    [Theory]
    [InlineData("""{"apiVersion":"v1","kind":"Pod","name":"web"}""", ImplicitPriority.MatchName)]
    [InlineData("""{"apiVersion":"v1","kind":"Pod","name":"web","labelSelector":{"matchLabels":{"app":"other"}}}""", ImplicitPriority.MatchName)]
    [InlineData("""{"apiVersion":"v1","kind":"Pod","name":"other"}""", ImplicitPriority.MisMatch)]
    [InlineData("""{"apiVersion":"v1","kind":"Pod"}""", ImplicitPriority.MatchAll)]
    [InlineData("""{"apiVersion":"v1","kind":"Pod","labelSelector":{"matchLabels":{"app":"web"}}}""", ImplicitPriority.MatchLabelSelector)]
    [InlineData("""{"apiVersion":"v1","kind":"Pod","labelSelector":{"matchLabels":{"app":"db"}}}""", ImplicitPriority.MisMatch)]
    [InlineData("""{"apiVersion":"v1","kind":"Pod","labelSelector":{}}""", ImplicitPriority.MatchLabelSelector)]
    [InlineData("""{"apiVersion":"v1","kind":"Pod","namespace":"kube-system"}""", ImplicitPriority.MisMatch)]
    [InlineData("""{"apiVersion":"apps/v1","kind":"Pod"}""", ImplicitPriority.MisMatch)]
    [InlineData("""{"apiVersion":"v1","kind":"Service"}""", ImplicitPriority.MisMatch)]
    public void ResourceSelectorPriority_Selector_GivesUpstreamPriority(string selector, ImplicitPriority expected)
    {
        Assert.Equal(expected, ResourceSelectorMatcher.ResourceSelectorPriority(Pod, TestJson.Typed<ResourceSelector>(selector)));
    }

    [Fact]
    public void ResourceSelectorPriority_InWithoutValues_IsMisMatch()
    {
        var selector = TestJson.Typed<ResourceSelector>("""
            {"apiVersion":"v1","kind":"Pod","labelSelector":{"matchExpressions":[{"key":"app","operator":"In"}]}}
            """);

        Assert.Equal(ImplicitPriority.MisMatch, ResourceSelectorMatcher.ResourceSelectorPriority(Pod, selector));
    }

    [Fact]
    public void ResourceMatchSelectorsPriority_SeveralSelectors_GivesHighest()
    {
        var selectors = new[]
        {
            TestJson.Typed<ResourceSelector>("""{"apiVersion":"v1","kind":"Pod"}"""),
            TestJson.Typed<ResourceSelector>("""{"apiVersion":"v1","kind":"Pod","name":"web"}"""),
            TestJson.Typed<ResourceSelector>("""{"apiVersion":"v1","kind":"Pod","labelSelector":{"matchLabels":{"app":"web"}}}"""),
        };

        Assert.Equal(ImplicitPriority.MatchName, ResourceSelectorMatcher.ResourceMatchSelectorsPriority(Pod, selectors));
        Assert.True(ResourceSelectorMatcher.ResourceMatchSelectors(Pod, selectors));
    }

    [Fact]
    public void ResourceMatchSelectors_Empty_MatchesNothing()
    {
        Assert.False(ResourceSelectorMatcher.ResourceMatchSelectors(Pod, []));
        Assert.Equal(ImplicitPriority.MisMatch, ResourceSelectorMatcher.ResourceMatchSelectorsPriority(Pod, []));
    }
}
