using System.Net;
using k8s;
using k8s.Autorest;
using k8s.Models;

namespace Karmada.ApiServer.Tests.Integration;

/// <summary>Names per kind, and the write, read and watch paths that share one cached instance per write.</summary>
[Trait("Category", "Integration")]
public sealed class WritePathIntegrationTests(InProcessApiServer server) : IClassFixture<InProcessApiServer>
{
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(20);

    private Kubernetes Client => server.Client;

    [Fact]
    public async Task ClusterRole_NameWithColons_IsCreatedAndServed()
    {
        var role = new V1ClusterRole
        {
            Metadata = new V1ObjectMeta { Name = "system:foo" },
            Rules = [new V1PolicyRule { ApiGroups = [""], Resources = ["pods"], Verbs = ["get"] }],
        };

        var created = await Client.RbacAuthorizationV1.CreateClusterRoleAsync(role);
        Assert.Equal("system:foo", created.Metadata.Name);
        var read = await Client.RbacAuthorizationV1.ReadClusterRoleAsync("system:foo");
        Assert.Equal(created.Metadata.Uid, read.Metadata.Uid);
        Assert.Contains((await Client.RbacAuthorizationV1.ListClusterRoleAsync()).Items, r => r.Metadata.Name == "system:foo");

        var binding = await Client.RbacAuthorizationV1.CreateClusterRoleBindingAsync(new V1ClusterRoleBinding
        {
            Metadata = new V1ObjectMeta { Name = "system:foo:binding" },
            RoleRef = new V1RoleRef { ApiGroup = "rbac.authorization.k8s.io", Kind = "ClusterRole", Name = "system:foo" },
            Subjects = [new Rbacv1Subject { Kind = "User", Name = "system:admin", ApiGroup = "rbac.authorization.k8s.io" }],
        });
        Assert.Equal("system:foo:binding", binding.Metadata.Name);
        await Client.RbacAuthorizationV1.DeleteClusterRoleAsync("system:foo");
    }

    [Fact]
    public async Task RoleBinding_NameWithSlash_IsInvalid()
    {
        var ns = await NamespaceAsync("rbac-slash");
        var error = await Assert.ThrowsAsync<HttpOperationException>(() => Client.RbacAuthorizationV1.CreateNamespacedRoleAsync(
            new V1Role { Metadata = new V1ObjectMeta { Name = "a%b" } }, ns));
        Assert.Equal(HttpStatusCode.UnprocessableEntity, error.Response.StatusCode);
        Assert.Contains("may not contain '%'", error.Response.Content, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ConfigMap_NameWithColon_IsStillInvalid()
    {
        var ns = await NamespaceAsync("cm-colon");
        var error = await Assert.ThrowsAsync<HttpOperationException>(() => Client.CoreV1.CreateNamespacedConfigMapAsync(
            new V1ConfigMap { Metadata = new V1ObjectMeta { Name = "system:foo" } }, ns));
        Assert.Equal(HttpStatusCode.UnprocessableEntity, error.Response.StatusCode);
        Assert.Contains("RFC 1123 subdomain", error.Response.Content, StringComparison.Ordinal);
    }

    [Fact]
    public async Task CreateThenUpdate_ResponsesGetsAndListsAgree()
    {
        var ns = await NamespaceAsync("agree");
        var created = await Client.CoreV1.CreateNamespacedConfigMapAsync(
            new V1ConfigMap { Metadata = new V1ObjectMeta { Name = "c", Labels = new Dictionary<string, string> { ["k"] = "v" } }, Data = new Dictionary<string, string> { ["a"] = "1" } }, ns);
        var read = await Client.CoreV1.ReadNamespacedConfigMapAsync("c", ns);
        Assert.Equal(created.Metadata.ResourceVersion, read.Metadata.ResourceVersion);
        Assert.Equal(created.Metadata.Uid, read.Metadata.Uid);
        Assert.NotNull(read.Metadata.ManagedFields);

        read.Data["a"] = "2";
        var updated = await Client.CoreV1.ReplaceNamespacedConfigMapAsync(read, "c", ns);
        Assert.NotEqual(created.Metadata.ResourceVersion, updated.Metadata.ResourceVersion);
        var listed = Assert.Single((await Client.CoreV1.ListNamespacedConfigMapAsync(ns, labelSelector: "k=v")).Items);
        Assert.Equal(updated.Metadata.ResourceVersion, listed.Metadata.ResourceVersion);
        Assert.Equal("2", listed.Data["a"]);
    }

    [Fact]
    public async Task Update_WithStaleResourceVersion_IsConflictAndLeavesTheObject()
    {
        var ns = await NamespaceAsync("stale");
        var created = await Client.CoreV1.CreateNamespacedConfigMapAsync(
            new V1ConfigMap { Metadata = new V1ObjectMeta { Name = "c" }, Data = new Dictionary<string, string> { ["a"] = "1" } }, ns);
        created.Data["a"] = "2";
        var current = await Client.CoreV1.ReplaceNamespacedConfigMapAsync(created, "c", ns);

        created.Data["a"] = "3";
        var error = await Assert.ThrowsAsync<HttpOperationException>(() => Client.CoreV1.ReplaceNamespacedConfigMapAsync(created, "c", ns));
        Assert.Equal(HttpStatusCode.Conflict, error.Response.StatusCode);
        var read = await Client.CoreV1.ReadNamespacedConfigMapAsync("c", ns);
        Assert.Equal(current.Metadata.ResourceVersion, read.Metadata.ResourceVersion);
        Assert.Equal("2", read.Data["a"]);
    }

    [Fact]
    public async Task Update_WithoutResourceVersion_ReplacesAndKeepsServerSetMetadata()
    {
        var ns = await NamespaceAsync("unconditional");
        var created = await Client.CoreV1.CreateNamespacedConfigMapAsync(
            new V1ConfigMap { Metadata = new V1ObjectMeta { Name = "c" }, Data = new Dictionary<string, string> { ["a"] = "1" } }, ns);

        var replaced = await Client.CoreV1.ReplaceNamespacedConfigMapAsync(
            new V1ConfigMap { Metadata = new V1ObjectMeta { Name = "c" }, Data = new Dictionary<string, string> { ["b"] = "2" } }, "c", ns);

        Assert.Equal(created.Metadata.Uid, replaced.Metadata.Uid);
        Assert.Equal(created.Metadata.CreationTimestamp, replaced.Metadata.CreationTimestamp);
        Assert.NotEqual(created.Metadata.ResourceVersion, replaced.Metadata.ResourceVersion);
        Assert.Equal(new Dictionary<string, string> { ["b"] = "2" }, replaced.Data);
        var read = await Client.CoreV1.ReadNamespacedConfigMapAsync("c", ns);
        Assert.Equal(replaced.Metadata.ResourceVersion, read.Metadata.ResourceVersion);
        Assert.Equal(created.Metadata.Uid, read.Metadata.Uid);
    }

    [Fact]
    public async Task Watch_ManyQueuedEvents_ArriveCompleteAndInOrder()
    {
        const int Count = 60;
        var ns = await NamespaceAsync("burst");
        var list = await Client.CoreV1.ListNamespacedConfigMapAsync(ns);
        using var timeout = new CancellationTokenSource(Deadline);
        var seen = new List<string>();
        var watching = Task.Run(async () =>
        {
            await foreach (var (type, item) in Client.CoreV1.WatchListNamespacedConfigMapAsync(ns, resourceVersion: list.Metadata.ResourceVersion, cancellationToken: timeout.Token))
            {
                Assert.Equal(WatchEventType.Added, type);
                seen.Add(item.Metadata.Name);
                if (seen.Count == Count)
                {
                    return;
                }
            }
        });

        // Concurrent creates queue several events per wake-up of the watcher, which are then written with one flush.
        await Task.WhenAll(Enumerable.Range(0, Count).Select(i => Client.CoreV1.CreateNamespacedConfigMapAsync(
            new V1ConfigMap { Metadata = new V1ObjectMeta { Name = $"c{i:D3}" }, Data = new Dictionary<string, string> { ["v"] = new string('x', 2000) } }, ns)));
        await watching;

        var expected = (await Client.CoreV1.ListNamespacedConfigMapAsync(ns)).Items
            .OrderBy(c => long.Parse(c.Metadata.ResourceVersion, System.Globalization.CultureInfo.InvariantCulture))
            .Select(c => c.Metadata.Name);
        Assert.Equal(expected, seen);
    }

    [Fact]
    public async Task Watch_InitialEvents_LargerThanOneFlush_AllArrive()
    {
        const int Count = 80;
        var ns = await NamespaceAsync("initial");
        foreach (var i in Enumerable.Range(0, Count))
        {
            await Client.CoreV1.CreateNamespacedConfigMapAsync(
                new V1ConfigMap { Metadata = new V1ObjectMeta { Name = $"c{i:D3}" }, Data = new Dictionary<string, string> { ["v"] = new string('y', 3000) } }, ns);
        }

        using var timeout = new CancellationTokenSource(Deadline);
        var seen = new List<string>();
        await foreach (var (_, item) in Client.CoreV1.WatchListNamespacedConfigMapAsync(ns, cancellationToken: timeout.Token))
        {
            seen.Add(item.Metadata.Name);
            if (seen.Count == Count)
            {
                break;
            }
        }

        Assert.Equal(Enumerable.Range(0, Count).Select(i => $"c{i:D3}"), seen);
    }

    private async Task<string> NamespaceAsync(string prefix)
    {
        var name = $"{prefix}-{Guid.NewGuid().ToString("N")[..6]}";
        await Client.CoreV1.CreateNamespaceAsync(new V1Namespace { Metadata = new V1ObjectMeta { Name = name } });
        return name;
    }
}
