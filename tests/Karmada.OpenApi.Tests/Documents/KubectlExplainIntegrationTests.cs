using Karmada.Testing;

namespace Karmada.OpenApi.Tests.Documents;

[Trait("Category", "Integration")]
public sealed class KubectlExplainIntegrationTests
{
    [Theory]
    [InlineData("1.27")]
    [InlineData("1.33")]
    public async Task Explain_DeploymentReplicas_PrintsTypeAndDescription(string version)
    {
        var output = await ExplainAsync(version, "deployment.spec.replicas");

        Assert.Contains("KIND:", output, StringComparison.Ordinal);
        Assert.Contains("Deployment", output, StringComparison.Ordinal);
        Assert.Matches(@"FIELD:\s+replicas\s+<integer>", output);
        Assert.Contains("Number of desired pods.", output, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("1.27")]
    [InlineData("1.33")]
    public async Task Explain_ReferencedObjectField_FollowsAllOfReference(string version)
    {
        var output = await ExplainAsync(version, "deployment.spec.template.spec.containers");

        Assert.Matches(@"FIELD:\s+containers\s+<\[\]Container>", output);
        Assert.Contains("List of containers belonging to the pod.", output, StringComparison.Ordinal);
        Assert.Matches(@"image\s+<string>", output);
        Assert.Matches(@"name\s+<string>", output);
    }

    [Theory]
    [InlineData("1.27")]
    [InlineData("1.33")]
    public async Task Explain_CustomKind_UsesItsSchema(string version)
    {
        var output = await ExplainAsync(version, "widgets.spec");

        Assert.Contains("example.com", output, StringComparison.Ordinal);
        Assert.Contains("Spec holds the desired widget.", output, StringComparison.Ordinal);
        Assert.Matches(@"size\s+<integer>", output);
    }

    [Theory]
    [InlineData("1.33")]
    public async Task Explain_ConfigMap_FetchesIndexThenHashedGroupVersionDocument(string version)
    {
        using var cancellation = new CancellationTokenSource(TimeSpan.FromMinutes(1));
        await using var server = await OpenApiTestServer.StartAsync(cancellation.Token);

        var output = await ExplainAsync(version, "configmap.data", server);

        Assert.Matches(@"FIELD:\s+data\s+<map\[string\]string>", output);
        Assert.Contains(server.Requests, request => request == "/openapi/v3" || request.StartsWith("/openapi/v3?", StringComparison.Ordinal));
        var hash = server.Documents["api/v1"].Hash;
        Assert.Contains(server.Requests, request => request.StartsWith("/openapi/v3/api/v1?hash=" + hash, StringComparison.Ordinal));
    }

    private static async Task<string> ExplainAsync(string version, string field)
    {
        using var cancellation = new CancellationTokenSource(TimeSpan.FromMinutes(1));
        await using var server = await OpenApiTestServer.StartAsync(cancellation.Token);
        return await ExplainAsync(version, field, server);
    }

    private static async Task<string> ExplainAsync(string version, string field, OpenApiTestServer server)
    {
        using var directory = new TempDirectory("openapi-kubectl");
        var kubectl = new Kubectl(version, await server.WriteKubeconfigAsync(directory.Path));

        var result = await kubectl.RunAsync(["explain", field], null, new Dictionary<string, string> { ["HOME"] = directory.Path }, TimeSpan.FromSeconds(60));

        Assert.True(result.ExitCode == 0, result.ToString());
        return result.StandardOutput;
    }
}
