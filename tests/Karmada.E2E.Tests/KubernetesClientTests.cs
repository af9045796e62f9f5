using k8s;
using k8s.Autorest;
using k8s.Models;

namespace Karmada.E2E.Tests;

/// <summary>The official C# client (typed models, watch) against the control plane.</summary>
public sealed class KubernetesClientTests(SqliteApiServerFixture fixture) : IClassFixture<SqliteApiServerFixture>
{
    [Fact]
    public async Task TypedDeployment_CreateReadUpdatePatchListWatchDelete_Works()
    {
        using var client = new Kubernetes(KubernetesClientConfiguration.BuildConfigFromConfigFile(fixture.Kubeconfig));
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        var ct = timeout.Token;
        var ns = $"csharp-{Guid.NewGuid().ToString("N")[..6]}";
        await client.CoreV1.CreateNamespaceAsync(new V1Namespace { Metadata = new V1ObjectMeta { Name = ns } }, cancellationToken: ct);

        var events = new List<(WatchEventType Type, V1Deployment Object)>();
        var watching = Task.Run(async () =>
        {
            try
            {
                await foreach (var (type, item) in client.AppsV1.WatchListNamespacedDeploymentAsync(ns, allowWatchBookmarks: true, cancellationToken: ct))
                {
                    lock (events)
                    {
                        events.Add((type, item));
                    }

                    if (type == WatchEventType.Deleted)
                    {
                        return;
                    }
                }
            }
            catch (OperationCanceledException)
            {
            }
        }, ct);

        var deployment = new V1Deployment
        {
            Metadata = new V1ObjectMeta { Name = "api", Labels = new Dictionary<string, string> { ["app"] = "api" } },
            Spec = new V1DeploymentSpec
            {
                Replicas = 1,
                Selector = new V1LabelSelector { MatchLabels = new Dictionary<string, string> { ["app"] = "api" } },
                Template = new V1PodTemplateSpec
                {
                    Metadata = new V1ObjectMeta { Labels = new Dictionary<string, string> { ["app"] = "api" } },
                    Spec = new V1PodSpec { Containers = [new V1Container { Name = "api", Image = "example/api:1" }] },
                },
            },
        };
        var created = await client.AppsV1.CreateNamespacedDeploymentAsync(deployment, ns, cancellationToken: ct);
        Assert.False(string.IsNullOrEmpty(created.Metadata.Uid));
        Assert.Equal(1, created.Metadata.Generation);

        var read = await client.AppsV1.ReadNamespacedDeploymentAsync("api", ns, cancellationToken: ct);
        read.Spec.Replicas = 3;
        var replaced = await client.AppsV1.ReplaceNamespacedDeploymentAsync(read, "api", ns, cancellationToken: ct);
        Assert.Equal(3, replaced.Spec.Replicas);
        Assert.Equal(2, replaced.Metadata.Generation);

        var stale = await Assert.ThrowsAsync<HttpOperationException>(() => client.AppsV1.ReplaceNamespacedDeploymentAsync(read, "api", ns, cancellationToken: ct));
        Assert.Equal(System.Net.HttpStatusCode.Conflict, stale.Response.StatusCode);

        var patched = await client.AppsV1.PatchNamespacedDeploymentAsync(new V1Patch("""{"spec":{"replicas":4}}""", V1Patch.PatchType.MergePatch), "api", ns, cancellationToken: ct);
        Assert.Equal(4, patched.Spec.Replicas);

        var list = await client.AppsV1.ListNamespacedDeploymentAsync(ns, labelSelector: "app=api", cancellationToken: ct);
        Assert.Single(list.Items);
        Assert.False(string.IsNullOrEmpty(list.Metadata.ResourceVersion));

        await client.AppsV1.DeleteNamespacedDeploymentAsync("api", ns, cancellationToken: ct);
        var missing = await Assert.ThrowsAsync<HttpOperationException>(() => client.AppsV1.ReadNamespacedDeploymentAsync("api", ns, cancellationToken: ct));
        Assert.Equal(System.Net.HttpStatusCode.NotFound, missing.Response.StatusCode);

        await watching.WaitAsync(ct);
        lock (events)
        {
            var types = events.Where(e => e.Type != WatchEventType.Bookmark).Select(e => e.Type).ToList();
            Assert.Equal(WatchEventType.Added, types[0]);
            Assert.Contains(WatchEventType.Modified, types);
            Assert.Equal(WatchEventType.Deleted, types[^1]);
            Assert.All(events.Where(e => e.Type != WatchEventType.Bookmark), e => Assert.Equal("api", e.Object.Metadata.Name));
        }
    }

    [Fact]
    public async Task ConfigMap_CreateDeleteAndFieldSelectorList_Work()
    {
        using var client = new Kubernetes(KubernetesClientConfiguration.BuildConfigFromConfigFile(fixture.Kubeconfig));
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        var created = await client.CoreV1.CreateNamespacedConfigMapAsync(
            new V1ConfigMap { Metadata = new V1ObjectMeta { Name = "typed" }, Data = new Dictionary<string, string> { ["k"] = "v" } }, "default", cancellationToken: timeout.Token);
        Assert.Equal("v", created.Data["k"]);
        var selected = await client.CoreV1.ListNamespacedConfigMapAsync("default", fieldSelector: "metadata.name=typed", cancellationToken: timeout.Token);
        Assert.Equal("typed", Assert.Single(selected.Items).Metadata.Name);
        await client.CoreV1.DeleteNamespacedConfigMapAsync("typed", "default", cancellationToken: timeout.Token);
        var after = await client.CoreV1.ListNamespacedConfigMapAsync("default", fieldSelector: "metadata.name=typed", cancellationToken: timeout.Token);
        Assert.Empty(after.Items);
    }
}
