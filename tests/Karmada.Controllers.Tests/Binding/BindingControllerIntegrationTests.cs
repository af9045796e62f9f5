using System.Text.Json.Nodes;
using Karmada.Api;
using Karmada.Api.Work.V1Alpha2;
using Karmada.Client;
using Karmada.Controllers.Binding;
using Karmada.Testing;
using static Karmada.Controllers.Tests.Binding.BindingTestObjects;
using WorkV1Alpha1 = Karmada.Api.Work.V1Alpha1;

namespace Karmada.Controllers.Tests.Binding;

/// <summary>
/// The binding controller against a real in-process control plane: the test plays detector and scheduler (it writes
/// the template and the binding with <c>spec.clusters</c>) and checks the Works in the execution namespaces.
/// </summary>
[Trait("Category", "Integration")]
public sealed class BindingControllerIntegrationTests : IClassFixture<BindingControlPlaneFixture>
{
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(30);
    private static readonly ResourceRef Deployments = new("apps", "v1", "deployments", Namespaced: true);
    private static readonly string WorkName = WorkNames.GenerateWorkName("Deployment", "nginx", "default");
    private readonly BindingControlPlaneFixture _fixture;
    private readonly KubeApiClient _client;

    public BindingControllerIntegrationTests(BindingControlPlaneFixture fixture)
    {
        _fixture = fixture;
        _client = fixture.Client;
    }

    [Fact]
    public async Task Binding_WorksFollowClustersOverridesAndDeletion()
    {
        using var cts = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        var ct = cts.Token;
        var template = Deployment();
        foreach (var field in new[] { "uid", "resourceVersion", "generation", "creationTimestamp", "managedFields" })
        {
            template["metadata"]!.AsObject().Remove(field);
        }

        template.Remove("status");
        var created = await _client.CreateAsync(Deployments, template, cancellationToken: ct);
        var binding = await CreateBindingAsync(JsonObjectMeta.GetUid(created)!, ct, ("member1", 2), ("member2", 2));

        // One Work per cluster, replicas divided, manifest marked and pruned.
        var work1 = await WaitForWorkAsync("member1", w => Replicas(w) == 2, "member1 Work with 2 replicas", ct);
        var work2 = await WaitForWorkAsync("member2", w => Replicas(w) == 2, "member2 Work with 2 replicas", ct);
        var manifest = Assert.Single(work1.Spec.Workload.Manifests);
        Assert.Equal("docker.io/library/nginx:1.25", Image(manifest));
        Assert.Equal("true", Label(manifest, "karmada.io/managed"));
        Assert.Equal(JsonObjectMeta.GetUid(created), Annotation(manifest, "resourcetemplate.karmada.io/uid"));
        Assert.Equal(work1.Metadata.Labels["work.karmada.io/permanent-id"], Label(manifest, "work.karmada.io/permanent-id"));
        Assert.False(manifest["metadata"]!.AsObject().ContainsKey("resourceVersion"));
        Assert.False(manifest.ContainsKey("status"));
        var bindingId = binding.Metadata.Labels["resourcebinding.karmada.io/permanent-id"];
        Assert.Equal(bindingId, work1.Metadata.Labels["resourcebinding.karmada.io/permanent-id"]);
        Assert.Equal("nginx-deployment", work1.Metadata.Annotations["resourcebinding.karmada.io/name"]);
        Assert.Contains("karmada.io/execution-controller", work1.Metadata.Finalizers);
        Assert.Contains("karmada.io/binding-controller", (await GetBindingAsync(ct)).Metadata.Finalizers);

        // Reconciling again with nothing changed writes nothing. The API server drops no-op updates itself, so the stored
        // Work first loses its explicit suspendDispatching=false: equal for the comparison, a change for a blind write.
        work1 = await _client.PatchAsync(
            BindingResources.Works, "karmada-es-member1", WorkName, PatchType.Merge, JsonNode.Parse("""{"spec":{"suspendDispatching":null}}""")!, BindingResources.WorkType, cancellationToken: ct);
        Assert.Null(work1.Spec.SuspendDispatching);
        var reconciler = _fixture.CreateResourceBindingReconciler();
        await _fixture.WaitForCachedWorksAsync(ct, work1, work2);
        await reconciler.ReconcileAsync(new ObjectKey("default", "nginx-deployment"), ct);
        await reconciler.ReconcileAsync(new ObjectKey("default", "nginx-deployment"), ct);
        Assert.Equal(work1.Metadata.ResourceVersion, (await GetWorkAsync("member1", ct))!.Metadata.ResourceVersion);
        Assert.Equal(work2.Metadata.ResourceVersion, (await GetWorkAsync("member2", ct))!.Metadata.ResourceVersion);

        // An OverridePolicy for member1 changes only member1's Work.
        await _client.CreateAsync(
            BindingResources.OverridePolicies, "default", RegistryOverride("member1"), BindingResources.OverridePolicyType, cancellationToken: ct);
        work1 = await WaitForWorkAsync("member1", w => Image(w.Spec.Workload.Manifests[0]) == "registry.member1.io/library/nginx:1.25", "member1 overridden", ct);
        Assert.Equal("member1", Label(work1.Spec.Workload.Manifests[0], "env"));
        Assert.Contains("nginx-override", work1.Metadata.Annotations["policy.karmada.io/applied-overrides"], StringComparison.Ordinal);
        await _fixture.WaitForCachedWorksAsync(ct, work1, work2);
        await reconciler.ReconcileAsync(new ObjectKey("default", "nginx-deployment"), ct);
        Assert.Equal(work2.Metadata.ResourceVersion, (await GetWorkAsync("member2", ct))!.Metadata.ResourceVersion);

        // Removing the policy takes the override and its record away again.
        await _client.DeleteAsync(BindingResources.OverridePolicies, "default", "nginx-override", cancellationToken: ct);
        work1 = await WaitForWorkAsync(
            "member1",
            w => Image(w.Spec.Workload.Manifests[0]) == "docker.io/library/nginx:1.25" && !w.Metadata.Annotations.ContainsKey("policy.karmada.io/applied-overrides"),
            "member1 override removed",
            ct);

        // The template changes; the detector records its new resourceVersion on the binding, which re-renders the Works.
        var deployment = await _client.GetAsync(Deployments, "default", "nginx", ct);
        deployment["spec"]!["template"]!["spec"]!["containers"]![0]!["image"] = "docker.io/library/nginx:1.27";
        deployment = await _client.UpdateAsync(Deployments, deployment, cancellationToken: ct);
        var touched = await GetBindingAsync(ct);
        touched.Spec.Resource.ResourceVersion = JsonObjectMeta.GetResourceVersion(deployment);
        await _client.UpdateAsync(BindingResources.ResourceBindings, "default", "nginx-deployment", touched, BindingResources.ResourceBindingType, cancellationToken: ct);
        await WaitForWorkAsync("member2", w => Image(w.Spec.Workload.Manifests[0]) == "docker.io/library/nginx:1.27", "member2 Work with the new image", ct);
        await WaitForWorkAsync("member1", w => Image(w.Spec.Workload.Manifests[0]) == "docker.io/library/nginx:1.27", "member1 Work with the new image", ct);

        // Rescheduled onto member1 only: member2's Work goes, member1 gets every replica.
        var current = await GetBindingAsync(ct);
        current.Spec.Clusters = [new TargetCluster { Name = "member1", Replicas = 4 }];
        await _client.UpdateAsync(BindingResources.ResourceBindings, "default", "nginx-deployment", current, BindingResources.ResourceBindingType, cancellationToken: ct);
        await WaitForWorkAsync("member1", w => Replicas(w) == 4, "member1 Work with 4 replicas", ct);
        await Eventually.UntilAsync(async () => IsGoneOrDeleting(await GetWorkAsync("member2", ct)), Deadline, "member2 Work removed", ct);

        // Deleting the binding deletes its Works, then the binding lets go.
        await _client.DeleteAsync(BindingResources.ResourceBindings, "default", "nginx-deployment", cancellationToken: ct);
        await Eventually.UntilAsync(async () => IsGoneOrDeleting(await GetWorkAsync("member1", ct)), Deadline, "member1 Work removed", ct);
        await Eventually.UntilAsync(async () => !await BindingExistsAsync(ct), Deadline, "binding deleted", ct);
    }

    [Fact]
    public async Task ClusterResourceBinding_WorksCarryClusterOverridesAndGoWithTheBinding()
    {
        using var cts = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        var ct = cts.Token;
        var clusterRoles = new ResourceRef("rbac.authorization.k8s.io", "v1", "clusterroles", Namespaced: false);
        var role = await _client.CreateAsync(clusterRoles, JsonNode.Parse("""
            { "apiVersion": "rbac.authorization.k8s.io/v1", "kind": "ClusterRole", "metadata": { "name": "reader" },
              "rules": [ { "apiGroups": [""], "resources": ["pods"], "verbs": ["get", "list"] } ] }
            """)!.AsObject(), cancellationToken: ct);
        var binding = new ClusterResourceBinding
        {
            Metadata = { Name = "reader-clusterrole" },
            Spec = new ResourceBindingSpec
            {
                Resource = new ObjectReference { ApiVersion = "rbac.authorization.k8s.io/v1", Kind = "ClusterRole", Name = "reader", Uid = JsonObjectMeta.GetUid(role) },
                Clusters = [new TargetCluster { Name = "member1" }, new TargetCluster { Name = "member2" }],
                ConflictResolution = Karmada.Api.Policy.V1Alpha1.ConflictResolution.Overwrite,
            },
        };
        binding = await _client.CreateAsync(BindingResources.ClusterResourceBindings, null, binding, BindingResources.ClusterResourceBindingType, cancellationToken: ct);
        await _client.CreateAsync(BindingResources.ClusterOverridePolicies, null, KarmadaJson.Deserialize<Karmada.Api.Policy.V1Alpha1.ClusterOverridePolicy>("""
            { "apiVersion": "policy.karmada.io/v1alpha1", "kind": "ClusterOverridePolicy", "metadata": { "name": "tag-member2" },
              "spec": { "resourceSelectors": [ { "apiVersion": "rbac.authorization.k8s.io/v1", "kind": "ClusterRole" } ],
                        "overrideRules": [ { "targetCluster": { "clusterNames": ["member2"] },
                                             "overriders": { "labelsOverrider": [ { "operator": "add", "value": { "tier": "edge" } } ] } } ] } }
            """), BindingResources.ClusterOverridePolicyType, cancellationToken: ct);

        var workName = WorkNames.GenerateWorkName("ClusterRole", "reader", null);
        var work2 = await WaitForWorkAsync("member2", workName, w => Label(w.Spec.Workload.Manifests[0], "tier") == "edge", "member2 Work with the cluster override", ct);
        var work1 = await WaitForWorkAsync("member1", workName, _ => true, "member1 Work", ct);
        Assert.Null(Label(work1.Spec.Workload.Manifests[0], "tier"));
        Assert.Contains("tag-member2", work2.Metadata.Annotations["policy.karmada.io/applied-cluster-overrides"], StringComparison.Ordinal);
        Assert.Equal(binding.Metadata.Labels["clusterresourcebinding.karmada.io/permanent-id"], work1.Metadata.Labels["clusterresourcebinding.karmada.io/permanent-id"]);
        Assert.Equal("reader-clusterrole", work1.Metadata.Annotations["clusterresourcebinding.karmada.io/name"]);
        Assert.Equal("overwrite", work1.Metadata.Annotations["work.karmada.io/conflict-resolution"]);
        Assert.Equal("overwrite", Annotation(work1.Spec.Workload.Manifests[0], "work.karmada.io/conflict-resolution"));

        await _client.DeleteAsync(BindingResources.ClusterResourceBindings, null, "reader-clusterrole", cancellationToken: ct);
        await Eventually.UntilAsync(async () => IsGoneOrDeleting(await GetWorkAsync("member1", workName, ct)) && IsGoneOrDeleting(await GetWorkAsync("member2", workName, ct)), Deadline, "Works removed", ct);
        await Eventually.UntilAsync(
            async () =>
            {
                try
                {
                    await _client.GetAsync(BindingResources.ClusterResourceBindings, null, "reader-clusterrole", ct);
                    return false;
                }
                catch (ApiException ex) when (ex.IsNotFound())
                {
                    return true;
                }
            },
            Deadline,
            "cluster binding deleted",
            ct);
    }

    private async Task<ResourceBinding> CreateBindingAsync(string uid, CancellationToken ct, params (string Cluster, int Replicas)[] clusters)
    {
        var binding = new ResourceBinding
        {
            Metadata = { Name = "nginx-deployment", Namespace = "default" },
            Spec = BindingTestObjects.BindingOf(4, clusters).Spec,
        };
        binding.Spec.Resource.Uid = uid;
        return await _client.CreateAsync(BindingResources.ResourceBindings, "default", binding, BindingResources.ResourceBindingType, cancellationToken: ct);
    }

    private Task<ResourceBinding> GetBindingAsync(CancellationToken ct) =>
        _client.GetAsync(BindingResources.ResourceBindings, "default", "nginx-deployment", BindingResources.ResourceBindingType, ct);

    private async Task<bool> BindingExistsAsync(CancellationToken ct)
    {
        try
        {
            await GetBindingAsync(ct);
            return true;
        }
        catch (ApiException ex) when (ex.IsNotFound())
        {
            return false;
        }
    }

    private Task<WorkV1Alpha1.Work?> GetWorkAsync(string cluster, CancellationToken ct) => GetWorkAsync(cluster, WorkName, ct);

    private async Task<WorkV1Alpha1.Work?> GetWorkAsync(string cluster, string name, CancellationToken ct)
    {
        try
        {
            return await _client.GetAsync(BindingResources.Works, "karmada-es-" + cluster, name, BindingResources.WorkType, ct);
        }
        catch (ApiException ex) when (ex.IsNotFound())
        {
            return null;
        }
    }

    private Task<WorkV1Alpha1.Work> WaitForWorkAsync(string cluster, Func<WorkV1Alpha1.Work, bool> condition, string because, CancellationToken ct) =>
        WaitForWorkAsync(cluster, WorkName, condition, because, ct);

    private async Task<WorkV1Alpha1.Work> WaitForWorkAsync(string cluster, string name, Func<WorkV1Alpha1.Work, bool> condition, string because, CancellationToken ct)
    {
        WorkV1Alpha1.Work? last = null;
        try
        {
            await Eventually.UntilAsync(async () => (last = await GetWorkAsync(cluster, name, ct)) is { } work && condition(work), Deadline, because, ct);
        }
        catch (TimeoutException ex)
        {
            throw new TimeoutException($"{ex.Message}; last seen: {(last is null ? "none" : KarmadaJson.Serialize(last))}", ex);
        }

        return last!;
    }

    // Works carry the execution controller's finalizer, which no execution controller removes here.
    private static bool IsGoneOrDeleting(WorkV1Alpha1.Work? work) => work is null || work.Metadata.DeletionTimestamp is not null;

    private static int? Replicas(WorkV1Alpha1.Work work) => work.Spec.Workload.Manifests[0]["spec"]?["replicas"]?.GetValue<int>();
}
