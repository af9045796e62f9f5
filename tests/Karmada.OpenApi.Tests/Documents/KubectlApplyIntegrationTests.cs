using System.Text.Json.Nodes;
using Karmada.Testing;

namespace Karmada.OpenApi.Tests.Documents;

/// <summary>
/// kubectl 1.29+ decides from the OpenAPI v3 documents whether the server validates fields itself (the PATCH
/// operation's <c>fieldValidation</c> parameter) and how to compute strategic merge patches (the patch strategies
/// and merge keys of the schema); it only falls back to <c>/openapi/v2</c> when the documents do not tell.
/// </summary>
[Trait("Category", "Integration")]
public sealed class KubectlApplyIntegrationTests
{
    private const string DeploymentPath = "/apis/apps/v1/namespaces/default/deployments/web";

    [Theory]
    [InlineData("1.33")]
    public async Task Apply_NewCustomObject_RelieOnServerSideFieldValidation(string version)
    {
        using var cancellation = new CancellationTokenSource(TimeSpan.FromMinutes(1));
        await using var server = await OpenApiTestServer.StartAsync(cancellation.Token);

        var result = await ApplyAsync(version, server, """
            apiVersion: example.com/v1
            kind: Widget
            metadata:
              name: w1
            spec:
              size: 3
            """);

        Assert.True(result.ExitCode == 0, result.ToString());
        var (method, target, _, _) = Assert.Single(server.Writes);
        Assert.Equal("POST", method);
        Assert.Contains("fieldValidation=Strict", target, StringComparison.Ordinal);
        Assert.DoesNotContain(server.Requests, request => request.StartsWith("/openapi/v2", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("1.33")]
    public async Task Apply_DeploymentWithoutSidecar_SendsStrategicMergePatchComputedFromTheV3Schema(string version)
    {
        using var cancellation = new CancellationTokenSource(TimeSpan.FromMinutes(1));
        await using var server = await OpenApiTestServer.StartAsync(cancellation.Token);
        var applied = """
            {"apiVersion":"apps/v1","kind":"Deployment","metadata":{"name":"web","namespace":"default"},
             "spec":{"selector":{"matchLabels":{"app":"web"}},"template":{"metadata":{"labels":{"app":"web"}},
               "spec":{"containers":[{"name":"nginx","image":"nginx:1.25"},{"name":"sidecar","image":"busybox"}]}}}}
            """;
        var live = JsonNode.Parse(applied)!.AsObject();
        live["metadata"]!["annotations"] = new JsonObject { ["kubectl.kubernetes.io/last-applied-configuration"] = JsonNode.Parse(applied)!.ToJsonString() };
        live["metadata"]!["resourceVersion"] = "7";
        server.Objects[DeploymentPath] = live.ToJsonString();

        var result = await ApplyAsync(version, server, """
            apiVersion: apps/v1
            kind: Deployment
            metadata:
              name: web
              namespace: default
            spec:
              selector:
                matchLabels:
                  app: web
              template:
                metadata:
                  labels:
                    app: web
                spec:
                  containers:
                  - name: nginx
                    image: nginx:1.26
            """);

        Assert.True(result.ExitCode == 0, result.ToString());
        var (method, target, contentType, body) = Assert.Single(server.Writes);
        Assert.Equal("PATCH", method);
        Assert.StartsWith(DeploymentPath + "?", target, StringComparison.Ordinal);
        Assert.StartsWith("application/strategic-merge-patch+json", contentType, StringComparison.Ordinal);
        var containers = JsonNode.Parse(body)!["spec"]!["template"]!["spec"]!;
        Assert.Equal("""[{"name":"nginx"}]""", containers["$setElementOrder/containers"]!.ToJsonString());
        Assert.Contains(containers["containers"]!.AsArray(), item => item!["name"]!.GetValue<string>() == "sidecar" && item["$patch"]!.GetValue<string>() == "delete");
        Assert.Contains(containers["containers"]!.AsArray(), item => item!["name"]!.GetValue<string>() == "nginx" && item["image"]!.GetValue<string>() == "nginx:1.26");
        Assert.DoesNotContain(server.Requests, request => request.StartsWith("/openapi/v2", StringComparison.Ordinal));
    }

    private static async Task<ProcessResult> ApplyAsync(string version, OpenApiTestServer server, string manifest)
    {
        using var directory = new TempDirectory("openapi-kubectl");
        var file = Path.Combine(directory.Path, "manifest.yaml");
        await File.WriteAllTextAsync(file, manifest);
        var kubectl = new Kubectl(version, await server.WriteKubeconfigAsync(directory.Path));
        return await kubectl.RunAsync(["apply", "-f", file], null, new Dictionary<string, string> { ["HOME"] = directory.Path }, TimeSpan.FromSeconds(60));
    }
}
