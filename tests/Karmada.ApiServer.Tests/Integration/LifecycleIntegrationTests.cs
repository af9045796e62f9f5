using System.Net;
using k8s;
using k8s.Autorest;
using k8s.Models;
using Karmada.Testing;

namespace Karmada.ApiServer.Tests.Integration;

[Trait("Category", "Integration")]
public sealed class LifecycleIntegrationTests(InProcessApiServer server) : IClassFixture<InProcessApiServer>
{
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(20);

    private Kubernetes Client => server.Client;

    [Fact]
    public async Task Delete_ObjectWithFinalizer_IsTerminatingUntilFinalizerRemoved()
    {
        var ns = await NamespaceAsync("fin");
        await Client.CoreV1.CreateNamespacedConfigMapAsync(new V1ConfigMap { Metadata = new V1ObjectMeta { Name = "held", Finalizers = ["example.com/hold"] } }, ns);

        await Client.CoreV1.DeleteNamespacedConfigMapAsync("held", ns);
        var terminating = await Client.CoreV1.ReadNamespacedConfigMapAsync("held", ns);
        Assert.NotNull(terminating.Metadata.DeletionTimestamp);

        var added = await Assert.ThrowsAsync<HttpOperationException>(() => Client.CoreV1.PatchNamespacedConfigMapAsync(
            new V1Patch("""{"metadata":{"finalizers":["example.com/hold","example.com/new"]}}""", V1Patch.PatchType.MergePatch), "held", ns));
        Assert.Equal(HttpStatusCode.UnprocessableEntity, added.Response.StatusCode);

        await Client.CoreV1.PatchNamespacedConfigMapAsync(new V1Patch("""{"metadata":{"finalizers":null}}""", V1Patch.PatchType.MergePatch), "held", ns);
        await AssertGoneAsync(() => Client.CoreV1.ReadNamespacedConfigMapAsync("held", ns));
    }

    [Fact]
    public async Task Generation_ChangesOnSpecOnly()
    {
        var ns = await NamespaceAsync("gen");
        var created = await Client.AppsV1.CreateNamespacedDeploymentAsync(Deployment("g"), ns);
        Assert.Equal(1, created.Metadata.Generation);
        var labelled = await Client.AppsV1.PatchNamespacedDeploymentAsync(new V1Patch("""{"metadata":{"labels":{"x":"y"}}}""", V1Patch.PatchType.MergePatch), "g", ns);
        Assert.Equal(1, labelled.Metadata.Generation);
        var status = await Client.AppsV1.PatchNamespacedDeploymentStatusAsync(new V1Patch("""{"status":{"replicas":1}}""", V1Patch.PatchType.MergePatch), "g", ns);
        Assert.Equal(1, status.Metadata.Generation);
        Assert.Equal(1, status.Status.Replicas);
        var scaled = await Client.AppsV1.PatchNamespacedDeploymentAsync(new V1Patch("""{"spec":{"replicas":3},"status":{"replicas":99}}""", V1Patch.PatchType.MergePatch), "g", ns);
        Assert.Equal(2, scaled.Metadata.Generation);
        Assert.Equal(1, scaled.Status.Replicas);
    }

    [Fact]
    public async Task DeleteOwner_Background_CollectsDependents()
    {
        var ns = await NamespaceAsync("gc-bg");
        var owner = await Client.CoreV1.CreateNamespacedConfigMapAsync(new V1ConfigMap { Metadata = new V1ObjectMeta { Name = "owner" } }, ns);
        await Client.CoreV1.CreateNamespacedConfigMapAsync(Dependent("child", owner), ns);

        await Client.CoreV1.DeleteNamespacedConfigMapAsync("owner", ns, propagationPolicy: "Background");
        await AssertGoneAsync(() => Client.CoreV1.ReadNamespacedConfigMapAsync("child", ns));
    }

    [Fact]
    public async Task DeleteOwner_Foreground_DeletesDependentsFirst()
    {
        var ns = await NamespaceAsync("gc-fg");
        var owner = await Client.CoreV1.CreateNamespacedConfigMapAsync(new V1ConfigMap { Metadata = new V1ObjectMeta { Name = "owner" } }, ns);
        var child = Dependent("child", owner);
        child.Metadata.Finalizers = ["example.com/slow"];
        await Client.CoreV1.CreateNamespacedConfigMapAsync(child, ns);

        await Client.CoreV1.DeleteNamespacedConfigMapAsync("owner", ns, propagationPolicy: "Foreground");
        await Eventually.UntilAsync(async () => (await Client.CoreV1.ReadNamespacedConfigMapAsync("child", ns)).Metadata.DeletionTimestamp is not null, Deadline, "dependent is being deleted");
        var waiting = await Client.CoreV1.ReadNamespacedConfigMapAsync("owner", ns);
        Assert.Contains("foregroundDeletion", waiting.Metadata.Finalizers);

        await Client.CoreV1.PatchNamespacedConfigMapAsync(new V1Patch("""{"metadata":{"finalizers":null}}""", V1Patch.PatchType.MergePatch), "child", ns);
        await AssertGoneAsync(() => Client.CoreV1.ReadNamespacedConfigMapAsync("owner", ns));
    }

    [Fact]
    public async Task DeleteOwner_Orphan_KeepsDependentsWithoutReference()
    {
        var ns = await NamespaceAsync("gc-orphan");
        var owner = await Client.CoreV1.CreateNamespacedConfigMapAsync(new V1ConfigMap { Metadata = new V1ObjectMeta { Name = "owner" } }, ns);
        await Client.CoreV1.CreateNamespacedConfigMapAsync(Dependent("child", owner), ns);

        await Client.CoreV1.DeleteNamespacedConfigMapAsync("owner", ns, propagationPolicy: "Orphan");
        await AssertGoneAsync(() => Client.CoreV1.ReadNamespacedConfigMapAsync("owner", ns));
        var child = await Client.CoreV1.ReadNamespacedConfigMapAsync("child", ns);
        Assert.True(child.Metadata.OwnerReferences is null || child.Metadata.OwnerReferences.Count == 0);
    }

    [Fact]
    public async Task DeleteNamespace_RemovesContentThenNamespace()
    {
        var ns = await NamespaceAsync("nsdel");
        await Client.CoreV1.CreateNamespacedConfigMapAsync(new V1ConfigMap { Metadata = new V1ObjectMeta { Name = "c" } }, ns);
        await Client.AppsV1.CreateNamespacedDeploymentAsync(Deployment("d"), ns);

        // A finalizer holds the namespace in Terminating while the refusal is checked; without it the namespace
        // could be gone already (NotFound), which is also what a real API server answers then.
        await Client.CoreV1.CreateNamespacedConfigMapAsync(new V1ConfigMap { Metadata = new V1ObjectMeta { Name = "held", Finalizers = ["test.karmada.io/hold"] } }, ns);
        await Client.CoreV1.DeleteNamespaceAsync(ns);
        var terminating = await Client.CoreV1.ReadNamespaceAsync(ns);
        Assert.Equal("Terminating", terminating.Status.Phase);
        var refused = await Assert.ThrowsAsync<HttpOperationException>(() => Client.CoreV1.CreateNamespacedConfigMapAsync(new V1ConfigMap { Metadata = new V1ObjectMeta { Name = "late" } }, ns));
        Assert.Equal(HttpStatusCode.Forbidden, refused.Response.StatusCode);
        var held = await Client.CoreV1.ReadNamespacedConfigMapAsync("held", ns);
        held.Metadata.Finalizers = [];
        await Client.CoreV1.ReplaceNamespacedConfigMapAsync(held, "held", ns);

        await AssertGoneAsync(() => Client.CoreV1.ReadNamespaceAsync(ns));
        Assert.Empty((await Client.CoreV1.ListNamespacedConfigMapAsync(ns)).Items);
    }

    [Fact]
    public async Task Watch_LabelSelector_ReportsObjectsLeavingTheSelectionAsDeleted()
    {
        var ns = await NamespaceAsync("selwatch");
        await Client.CoreV1.CreateNamespacedConfigMapAsync(new V1ConfigMap { Metadata = new V1ObjectMeta { Name = "c", Labels = new Dictionary<string, string> { ["pick"] = "yes" } } }, ns);
        var list = await Client.CoreV1.ListNamespacedConfigMapAsync(ns, labelSelector: "pick=yes");
        using var timeout = new CancellationTokenSource(Deadline);
        var events = new List<WatchEventType>();
        var watching = Task.Run(async () =>
        {
            await foreach (var (type, _) in Client.CoreV1.WatchListNamespacedConfigMapAsync(ns, labelSelector: "pick=yes", resourceVersion: list.Metadata.ResourceVersion, cancellationToken: timeout.Token))
            {
                events.Add(type);
                if (type == WatchEventType.Deleted)
                {
                    return;
                }
            }
        });
        await Eventually.UntilAsync(async () =>
        {
            await Client.CoreV1.PatchNamespacedConfigMapAsync(new V1Patch("""{"metadata":{"labels":{"pick":"no"}}}""", V1Patch.PatchType.MergePatch), "c", ns);
            return watching.IsCompleted;
        }, Deadline, "unlabelled object reported as DELETED");
        await watching;
        Assert.Equal(WatchEventType.Deleted, events[^1]);
    }

    private async Task<string> NamespaceAsync(string prefix)
    {
        var name = $"{prefix}-{Guid.NewGuid().ToString("N")[..6]}";
        await Client.CoreV1.CreateNamespaceAsync(new V1Namespace { Metadata = new V1ObjectMeta { Name = name } });
        return name;
    }

    private static V1ConfigMap Dependent(string name, V1ConfigMap owner) => new()
    {
        Metadata = new V1ObjectMeta
        {
            Name = name,
            OwnerReferences = [new V1OwnerReference { ApiVersion = "v1", Kind = "ConfigMap", Name = owner.Metadata.Name, Uid = owner.Metadata.Uid, BlockOwnerDeletion = true }],
        },
    };

    private static V1Deployment Deployment(string name) => new()
    {
        Metadata = new V1ObjectMeta { Name = name },
        Spec = new V1DeploymentSpec
        {
            Replicas = 1,
            Selector = new V1LabelSelector { MatchLabels = new Dictionary<string, string> { ["app"] = name } },
            Template = new V1PodTemplateSpec
            {
                Metadata = new V1ObjectMeta { Labels = new Dictionary<string, string> { ["app"] = name } },
                Spec = new V1PodSpec { Containers = [new V1Container { Name = "c", Image = "busybox" }] },
            },
        },
    };

    private static async Task AssertGoneAsync<T>(Func<Task<T>> read) =>
        await Eventually.UntilAsync(async () =>
        {
            try
            {
                await read();
                return false;
            }
            catch (HttpOperationException ex) when (ex.Response.StatusCode == HttpStatusCode.NotFound)
            {
                return true;
            }
        }, Deadline, "object is gone");
}
