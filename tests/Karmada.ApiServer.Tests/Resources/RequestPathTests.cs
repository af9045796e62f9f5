using Karmada.ApiServer.Http;
using Karmada.ApiServer.Resources;

namespace Karmada.ApiServer.Tests.Resources;

public sealed class RequestPathTests
{
    private static readonly ResourceCatalog Catalog = new(BuiltInResources.All);

    [Theory]
    [InlineData("/api/v1/namespaces", "", null, "namespaces", null, "")]
    [InlineData("/api/v1/namespaces/demo", "", null, "namespaces", "demo", "")]
    [InlineData("/api/v1/namespaces/demo/status", "", null, "namespaces", "demo", "status")]
    [InlineData("/api/v1/namespaces/demo/finalize", "", null, "namespaces", "demo", "finalize")]
    [InlineData("/api/v1/namespaces/demo/configmaps", "", "demo", "configmaps", null, "")]
    [InlineData("/api/v1/namespaces/demo/pods/p1/status", "", "demo", "pods", "p1", "status")]
    [InlineData("/apis/apps/v1/deployments", "apps", null, "deployments", null, "")]
    [InlineData("/apis/apps/v1/namespaces/ns/deployments/web/scale", "apps", "ns", "deployments", "web", "scale")]
    [InlineData("/api/v1/nodes/n1", "", null, "nodes", "n1", "")]
    [InlineData("/api/v1/nodes/n1/proxy/a//b/", "", null, "nodes", "n1", "proxy/a/b")]
    [InlineData("/api/v1/namespaces/ns/configmaps/a%3Ab", "", "ns", "configmaps", "a:b", "")]
    [InlineData("/apis/apps/v1/namespaces/ns/deployments/web/a/b/c/d/e/f/g/h/i/j/k/l", "apps", "ns", "deployments", "web", "a/b/c/d/e/f/g/h/i/j/k/l")]
    public void Parse_Url_FindsResourceParts(string path, string group, string? ns, string plural, string? name, string sub)
    {
        var request = RequestPath.Parse(path, Catalog)!;
        Assert.Equal(group, request.Group);
        Assert.Equal(ns, request.Namespace);
        Assert.Equal(plural, request.Plural);
        Assert.Equal(name, request.Name);
        Assert.Equal(sub, request.Subresource);
    }

    [Theory]
    [InlineData("/api")]
    [InlineData("/apis/apps")]
    [InlineData("/healthz")]
    public void Parse_NonResourcePath_IsNull(string path)
    {
        Assert.Null(RequestPath.Parse(path, Catalog));
    }
}
