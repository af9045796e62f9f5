using System.Text.Json.Nodes;
using Karmada.Cli;
using Karmada.Cli.Resources;

namespace Karmada.Controllers.Tests.Cli;

public sealed class ResourceTypeResolverTests
{
    private static readonly List<DiscoveredResource> Resources =
    [
        .. ResourceTypeResolver.Parse(List(("pods", "Pod", "pod", new[] { "po" }, true), ("pods/status", "Pod", "", Array.Empty<string>(), true)), "", "v1"),
        .. ResourceTypeResolver.Parse(List(("deployments", "Deployment", "deployment", new[] { "deploy" }, true)), "apps", "v1"),
        .. ResourceTypeResolver.Parse(List(("clusters", "Cluster", "cluster", Array.Empty<string>(), false)), "cluster.karmada.io", "v1alpha1"),
    ];

    [Theory]
    [InlineData("deploy")]
    [InlineData("deployments")]
    [InlineData("deployment")]
    [InlineData("Deployment")]
    [InlineData("deployments.apps")]
    [InlineData("deployment.v1.apps")]
    public void Resolve_KubectlSpellings_FindDeployments(string text)
    {
        var resolved = ResourceTypeResolver.Resolve(Resources, text);

        Assert.Equal("apps", resolved.Resource.Group);
        Assert.Equal("deployments", resolved.Resource.Plural);
        Assert.True(resolved.Resource.Namespaced);
        Assert.Equal("deployment.apps", resolved.DisplayName);
    }

    [Fact]
    public void Parse_LeavesOutSubresources_AndResolvesShortNames()
    {
        Assert.DoesNotContain(Resources, r => r.Resource.Plural.Contains('/', StringComparison.Ordinal));
        Assert.Equal("pods", ResourceTypeResolver.Resolve(Resources, "po").Resource.Plural);
        Assert.False(ResourceTypeResolver.Resolve(Resources, "clusters").Resource.Namespaced);
    }

    [Theory]
    [InlineData("widgets")]
    [InlineData("deployments.batch")]
    public void Resolve_Unknown_SaysSo(string text)
    {
        var error = Assert.Throws<CliException>(() => ResourceTypeResolver.Resolve(Resources, text));
        Assert.Contains(text, error.Message, StringComparison.Ordinal);
    }

    private static JsonObject List(params (string Name, string Kind, string Singular, string[] ShortNames, bool Namespaced)[] resources) => new()
    {
        ["kind"] = "APIResourceList",
        ["resources"] = new JsonArray(resources.Select(r => (JsonNode?)new JsonObject
        {
            ["name"] = r.Name,
            ["kind"] = r.Kind,
            ["singularName"] = r.Singular,
            ["namespaced"] = r.Namespaced,
            ["shortNames"] = new JsonArray(r.ShortNames.Select(s => (JsonNode?)s).ToArray()),
        }).ToArray()),
    };
}
