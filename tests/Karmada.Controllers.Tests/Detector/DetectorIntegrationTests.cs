using System.Text.Json.Nodes;
using Karmada.Api;
using Karmada.Api.Policy.V1Alpha1;
using Karmada.Api.WellKnown;
using Karmada.Api.Work.V1Alpha2;
using Karmada.Client;
using Karmada.Controllers.Dependencies;
using Karmada.Controllers.Detector;
using Karmada.Interpreter;
using Karmada.Testing;
using Karmada.Testing.ControlPlane;
using Microsoft.Extensions.Logging.Abstractions;
using static Karmada.Controllers.Tests.Detector.DetectorTestObjects;
using PropagationPolicy = Karmada.Api.Policy.V1Alpha1.PropagationPolicy;

namespace Karmada.Controllers.Tests.Detector;

/// <summary>
/// The resource detector against a real in-process control plane (no members): templates and policies in, claims and
/// bindings out. Each test works in its own namespace.
/// </summary>
[Trait("Category", "Integration")]
public sealed class DetectorIntegrationTests : IAsyncLifetime
{
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(30);
    private static readonly ResourceRef Deployments = new("apps", "v1", "deployments", Namespaced: true);
    private static readonly ResourceRef ClusterRoles = new("rbac.authorization.k8s.io", "v1", "clusterroles", Namespaced: false);
    private readonly CancellationTokenSource _timeout = new(TimeSpan.FromMinutes(3));
    private InProcessControlPlane _controlPlane = null!;
    private KubeApiClient _client = null!;
    private ResourceDetector _detector = null!;

    private CancellationToken Ct => _timeout.Token;

    public async Task InitializeAsync()
    {
        _controlPlane = await InProcessControlPlane.StartAsync(new InProcessControlPlaneOptions { DirectoryPrefix = "detector-it" }, CancellationToken.None);
        _client = _controlPlane.Client;
        var detector = _detector = await _controlPlane.AddHostedAsync(
            new ResourceDetector(
                _client,
                _controlPlane.Informers,
                ResourceInterpreter.CreateDefault(),
                new DetectorOptions { Workers = 2 },
                TimeProvider.System,
                NullLoggerFactory.Instance),
            CancellationToken.None);
        await _controlPlane.AddHostedAsync(
            new DependenciesDistributor(_client, _controlPlane.Informers, ResourceInterpreter.CreateDefault(), 2, TimeProvider.System, NullLoggerFactory.Instance),
            CancellationToken.None);
        await Eventually.UntilAsync(() => detector.IsReady, Deadline, "detector discovered and synced", Ct);
    }

    public async Task DisposeAsync()
    {
        await _controlPlane.DisposeAsync();
        _timeout.Dispose();
    }

    [Fact]
    public async Task TemplateBeforePolicy_BindingFollowsTemplateAndKeepsSchedulerResult()
    {
        await CreateNamespaceAsync("t1");
        await _client.CreateAsync(Deployments, Deployment("t1", "nginx", replicas: 3), cancellationToken: Ct);
        var policy = await CreatePolicyAsync(PropagationPolicy("t1", "pp", clusters: ["member1", "member2"]));
        var policyId = policy.Metadata.Labels[WellKnownLabels.PropagationPolicyPermanentId];

        var binding = await WaitForBindingAsync("t1", "nginx-deployment", b => b.Spec.Replicas == 3, "binding with 3 replicas");
        var template = await _client.GetAsync(Deployments, "t1", "nginx", Ct);
        Assert.Equal(policyId, JsonObjectMeta.GetLabel(template, WellKnownLabels.PropagationPolicyPermanentId));
        Assert.Equal("pp", template["metadata"]!["annotations"]![WellKnownAnnotations.PropagationPolicyName]!.GetValue<string>());
        Assert.Equal("t1", template["metadata"]!["annotations"]![WellKnownAnnotations.PropagationPolicyNamespace]!.GetValue<string>());
        var owner = Assert.Single(binding.Metadata.OwnerReferences);
        Assert.Equal((JsonObjectMeta.GetUid(template), true, true), (owner.Uid, owner.Controller, owner.BlockOwnerDeletion));
        Assert.Equal(policyId, binding.Metadata.Labels[WellKnownLabels.PropagationPolicyPermanentId]);
        Assert.False(string.IsNullOrEmpty(binding.Metadata.Labels.GetValueOrDefault(WellKnownLabels.ResourceBindingPermanentId)));
        Assert.Contains(WellKnownFinalizers.BindingController, binding.Metadata.Finalizers);
        Assert.Equal(("apps/v1", "Deployment", "t1", "nginx"), (binding.Spec.Resource.ApiVersion, binding.Spec.Resource.Kind, binding.Spec.Resource.Namespace, binding.Spec.Resource.Name));
        Assert.Equal(["member1", "member2"], binding.Spec.Placement!.ClusterAffinity!.ClusterNames);
        Assert.Equal("100m", binding.Spec.ReplicaRequirements!.ResourceRequest["cpu"].ToString());
        Assert.Equal("default-scheduler", binding.Spec.SchedulerName);

        // The scheduler's result, written as the scheduler would, must survive the detector's updates.
        binding.Spec.Clusters = [new TargetCluster { Name = "member1", Replicas = 3 }];
        await _client.UpdateAsync(BindingStore.ResourceBindings, "t1", binding.Metadata.Name!, binding, KarmadaJson.GetTypeInfo<ResourceBinding>(), cancellationToken: Ct);

        await _client.PatchAsync(Deployments, "t1", "nginx", PatchType.Merge, new JsonObject { ["spec"] = new JsonObject { ["replicas"] = 5 } }, cancellationToken: Ct);
        binding = await WaitForBindingAsync("t1", "nginx-deployment", b => b.Spec.Replicas == 5, "binding with 5 replicas");
        var cluster = Assert.Single(binding.Spec.Clusters);
        Assert.Equal(("member1", 3), (cluster.Name, cluster.Replicas));

        // A policy change reaches the binding; clusters stay.
        policy = await _client.GetAsync(PolicyResources.PropagationPolicies, "t1", "pp", PolicyResources.PropagationPolicyTypeInfo, Ct);
        policy.Spec.Placement.ClusterAffinity!.ClusterNames = ["member3"];
        await _client.UpdateAsync(PolicyResources.PropagationPolicies, "t1", "pp", policy, PolicyResources.PropagationPolicyTypeInfo, cancellationToken: Ct);
        binding = await WaitForBindingAsync("t1", "nginx-deployment", b => b.Spec.Placement?.ClusterAffinity?.ClusterNames is ["member3"], "placement updated");
        Assert.Equal("member1", Assert.Single(binding.Spec.Clusters).Name);
    }

    [Fact]
    public async Task ClusterScopedTemplate_ClusterPropagationPolicy_ClusterResourceBinding()
    {
        var role = new JsonObject
        {
            ["apiVersion"] = "rbac.authorization.k8s.io/v1",
            ["kind"] = "ClusterRole",
            ["metadata"] = new JsonObject { ["name"] = "detector-reader" },
            ["rules"] = new JsonArray(),
        };
        var policy = await CreateClusterPolicyAsync(ClusterPropagationPolicy("roles", "rbac.authorization.k8s.io/v1", "ClusterRole", selectName: "detector-reader", clusters: ["member1"]));
        await _client.CreateAsync(ClusterRoles, role, cancellationToken: Ct);

        var binding = await WaitForClusterBindingAsync("detector-reader-clusterrole", _ => true, "ClusterResourceBinding");
        Assert.Equal(policy.Metadata.Labels[WellKnownLabels.ClusterPropagationPolicyPermanentId], binding.Metadata.Labels[WellKnownLabels.ClusterPropagationPolicyPermanentId]);
        Assert.Equal("roles", binding.Metadata.Annotations[WellKnownAnnotations.ClusterPropagationPolicyName]);
        Assert.Contains(WellKnownFinalizers.ClusterResourceBindingController, binding.Metadata.Finalizers);
        Assert.Equal(("ClusterRole", "detector-reader"), (binding.Spec.Resource.Kind, binding.Spec.Resource.Name));
        Assert.Null(binding.Spec.Resource.Namespace);
        Assert.False(string.IsNullOrEmpty(binding.Metadata.Labels.GetValueOrDefault(WellKnownLabels.ClusterResourceBindingPermanentId)));
    }

    [Fact]
    public async Task HigherPriorityPolicy_PreemptsOnlyWithPreemptionAlways()
    {
        await CreateNamespaceAsync("t3");
        await CreatePolicyAsync(PropagationPolicy("t3", "low", clusters: ["member1"]));
        await _client.CreateAsync(Deployments, Deployment("t3", "web"), cancellationToken: Ct);
        await WaitForBindingAsync("t3", "web-deployment", b => ClaimedBy(b, "low"), "claimed by the low policy");

        var high = await CreatePolicyAsync(PropagationPolicy("t3", "high", selectName: "web", priority: 10, clusters: ["member2"]));

        // Not preempting: a generation bump of the low policy re-evaluates the template and it stays.
        var low = await _client.GetAsync(PolicyResources.PropagationPolicies, "t3", "low", PolicyResources.PropagationPolicyTypeInfo, Ct);
        low.Spec.Placement.ClusterAffinity!.ClusterNames = ["member1", "member4"];
        await _client.UpdateAsync(PolicyResources.PropagationPolicies, "t3", "low", low, PolicyResources.PropagationPolicyTypeInfo, cancellationToken: Ct);
        var binding = await WaitForBindingAsync("t3", "web-deployment", b => b.Spec.Placement?.ClusterAffinity?.ClusterNames.Count == 2, "low policy change applied");
        Assert.True(ClaimedBy(binding, "low"));

        high = await _client.GetAsync(PolicyResources.PropagationPolicies, "t3", "high", PolicyResources.PropagationPolicyTypeInfo, Ct);
        high.Spec.Preemption = PreemptionBehavior.Always;
        await _client.UpdateAsync(PolicyResources.PropagationPolicies, "t3", "high", high, PolicyResources.PropagationPolicyTypeInfo, cancellationToken: Ct);
        binding = await WaitForBindingAsync("t3", "web-deployment", b => ClaimedBy(b, "high"), "preempted by the high policy");
        Assert.Equal(["member2"], binding.Spec.Placement!.ClusterAffinity!.ClusterNames);
        var template = await _client.GetAsync(Deployments, "t3", "web", Ct);
        Assert.Equal("high", template["metadata"]!["annotations"]![WellKnownAnnotations.PropagationPolicyName]!.GetValue<string>());
    }

    [Fact]
    public async Task PolicyDeletion_Completes_ReleasesClaims_BindingRemains()
    {
        await CreateNamespaceAsync("t4");
        var policy = await CreatePolicyAsync(PropagationPolicy("t4", "pp", clusters: ["member1"]));
        Assert.Contains(WellKnownFinalizers.PropagationPolicyController, policy.Metadata.Finalizers);
        await _client.CreateAsync(Deployments, Deployment("t4", "api"), cancellationToken: Ct);
        await WaitForBindingAsync("t4", "api-deployment", b => ClaimedBy(b, "pp"), "claimed");

        await _client.DeleteAsync(PolicyResources.PropagationPolicies, "t4", "pp", cancellationToken: Ct);

        await Eventually.UntilAsync(async () => !await ExistsAsync(PolicyResources.PropagationPolicies, "t4", "pp"), Deadline, "policy deleted", Ct);
        var binding = await WaitForBindingAsync("t4", "api-deployment", b => !b.Metadata.Labels.ContainsKey(WellKnownLabels.PropagationPolicyPermanentId), "binding released");
        Assert.False(binding.Metadata.Annotations.ContainsKey(WellKnownAnnotations.PropagationPolicyName));
        Assert.Equal(["member1"], binding.Spec.Placement!.ClusterAffinity!.ClusterNames);
        var template = await _client.GetAsync(Deployments, "t4", "api", Ct);
        Assert.Null(JsonObjectMeta.GetLabel(template, WellKnownLabels.PropagationPolicyPermanentId));
        Assert.Null(template["metadata"]!["annotations"]?[WellKnownAnnotations.PropagationPolicyName]);

        // Released, the template is free to be claimed again by a new policy.
        await CreatePolicyAsync(PropagationPolicy("t4", "next", clusters: ["member9"]));
        await WaitForBindingAsync("t4", "api-deployment", b => ClaimedBy(b, "next") && b.Spec.Placement?.ClusterAffinity?.ClusterNames is ["member9"], "claimed by the new policy");
    }

    [Fact]
    public async Task TemplateDeletion_GarbageCollectsTheBinding()
    {
        await CreateNamespaceAsync("t5");
        await CreatePolicyAsync(PropagationPolicy("t5", "pp"));
        await _client.CreateAsync(Deployments, Deployment("t5", "gone"), cancellationToken: Ct);
        await WaitForBindingAsync("t5", "gone-deployment", _ => true, "binding created");

        await _client.DeleteAsync(Deployments, "t5", "gone", cancellationToken: Ct);

        // The binding controller's finalizer keeps it until its Works are gone; here nobody removes it, so deletion
        // shows as a deletionTimestamp (or, without the finalizer, as absence).
        await Eventually.UntilAsync(() => BindingGoneOrTerminatingAsync("t5", "gone-deployment"), Deadline, "binding garbage-collected", Ct);
    }

    [Fact]
    public async Task NewCustomResourceDefinition_IsWatchedAndItsObjectsPropagated()
    {
        var crd = TestCustomResources.WidgetDefinition();
        await CreateNamespaceAsync("t6");
        await _client.CreateAsync(new ResourceRef("apiextensions.k8s.io", "v1", "customresourcedefinitions", Namespaced: false), crd, cancellationToken: Ct);
        var widgets = new ResourceRef("example.io", "v1", "widgets", Namespaced: true);
        await Eventually.UntilAsync(() => _detector.WatchedResources.Any(r => r.Resource == widgets && r.Kind == "Widget"), Deadline, "widgets watched", Ct);

        var policy = PropagationPolicy("t6", "widgets", clusters: ["member1"]);
        policy.Spec.ResourceSelectors = [new ResourceSelector { ApiVersion = "example.io/v1", Kind = "Widget" }];
        await CreatePolicyAsync(policy);
        await _client.CreateAsync(widgets, new JsonObject { ["apiVersion"] = "example.io/v1", ["kind"] = "Widget", ["metadata"] = new JsonObject { ["name"] = "w1", ["namespace"] = "t6" } }, cancellationToken: Ct);

        var binding = await WaitForBindingAsync("t6", "w1-widget", b => ClaimedBy(b, "widgets"), "widget binding");
        Assert.Equal(("example.io/v1", "Widget"), (binding.Spec.Resource.ApiVersion, binding.Spec.Resource.Kind));
        Assert.Equal(0, binding.Spec.Replicas);
    }

    [Fact]
    public async Task PropagateDeps_AttachesTheConfigMapToTheScheduledClusters()
    {
        await CreateNamespaceAsync("t7");
        var deployment = Deployment("t7", "app");
        deployment["spec"]!["template"]!["spec"]!["volumes"] = new JsonArray { new JsonObject { ["name"] = "cfg", ["configMap"] = new JsonObject { ["name"] = "app-config" } } };
        var policy = PropagationPolicy("t7", "pp", clusters: ["member1"]);
        policy.Spec.PropagateDeps = true;
        await CreatePolicyAsync(policy);
        await _client.CreateAsync(Deployments, deployment, cancellationToken: Ct);
        var independent = await WaitForBindingAsync("t7", "app-deployment", b => b.Spec.PropagateDeps, "independent binding");

        // As upstream, nothing is recorded before the scheduler places the workload (no scheduler here: the test places it).
        Assert.False(IndependentBindingEvents.CarriesMarks(independent));
        independent.Spec.Clusters = [new TargetCluster { Name = "member1", Replicas = 2 }];
        await _client.UpdateAsync(BindingStore.ResourceBindings, "t7", "app-deployment", independent, KarmadaJson.GetTypeInfo<ResourceBinding>(), cancellationToken: Ct);
        independent = await WaitForBindingAsync(
            "t7", "app-deployment", b => b.Metadata.Finalizers.Contains(WellKnownFinalizers.BindingDependenciesDistributor), "dependencies recorded");
        Assert.Contains("app-config", independent.Metadata.Annotations[WellKnownAnnotations.ResourceBindingDependencies], StringComparison.Ordinal);

        // The ConfigMap arrives after its workload: its event finds the binding that recorded it.
        await _client.CreateAsync(ResourceRef.ConfigMaps, new JsonObject { ["apiVersion"] = "v1", ["kind"] = "ConfigMap", ["metadata"] = new JsonObject { ["name"] = "app-config", ["namespace"] = "t7" } }, cancellationToken: Ct);

        var attached = await WaitForBindingAsync("t7", "app-config-configmap", b => b.Spec.RequiredBy is [{ Clusters: [{ Name: "member1" }] }], "requiredBy with member1");
        Assert.Null(attached.Spec.Placement);
        Assert.Equal(("ConfigMap", "app-config"), (attached.Spec.Resource.Kind, attached.Spec.Resource.Name));
        Assert.Equal("app-deployment", attached.Spec.RequiredBy[0].Name);

        // propagateDeps off: the attached binding, required by nothing else, is deleted.
        var current = await _client.GetAsync(PolicyResources.PropagationPolicies, "t7", "pp", PolicyResources.PropagationPolicyTypeInfo, Ct);
        current.Spec.PropagateDeps = false;
        await _client.UpdateAsync(PolicyResources.PropagationPolicies, "t7", "pp", current, PolicyResources.PropagationPolicyTypeInfo, cancellationToken: Ct);
        await Eventually.UntilAsync(() => BindingGoneOrTerminatingAsync("t7", "app-config-configmap"), Deadline, "attached binding deleted", Ct);
        await WaitForBindingAsync("t7", "app-deployment", b => !b.Metadata.Finalizers.Contains(WellKnownFinalizers.BindingDependenciesDistributor), "distributor finalizer removed");
    }

    private static bool ClaimedBy(ResourceBinding binding, string policyName) =>
        binding.Metadata.Annotations.GetValueOrDefault(WellKnownAnnotations.PropagationPolicyName) == policyName;

    private async Task CreateNamespaceAsync(string name) =>
        await _client.CreateAsync(ResourceRef.Namespaces, new JsonObject { ["apiVersion"] = "v1", ["kind"] = "Namespace", ["metadata"] = new JsonObject { ["name"] = name } }, cancellationToken: Ct);

    private Task<PropagationPolicy> CreatePolicyAsync(PropagationPolicy policy) =>
        _client.CreateAsync(PolicyResources.PropagationPolicies, policy.Metadata.Namespace, policy, PolicyResources.PropagationPolicyTypeInfo, cancellationToken: Ct);

    private Task<ClusterPropagationPolicy> CreateClusterPolicyAsync(ClusterPropagationPolicy policy) =>
        _client.CreateAsync(PolicyResources.ClusterPropagationPolicies, null, policy, PolicyResources.ClusterPropagationPolicyTypeInfo, cancellationToken: Ct);

    private Task<ResourceBinding> WaitForBindingAsync(string ns, string name, Func<ResourceBinding, bool> condition, string because) =>
        _client.ReadUntilAsync(BindingStore.ResourceBindings, ns, name, KarmadaJson.GetTypeInfo<ResourceBinding>(), condition, Deadline, because, Ct);

    private Task<ClusterResourceBinding> WaitForClusterBindingAsync(string name, Func<ClusterResourceBinding, bool> condition, string because) =>
        _client.ReadUntilAsync(BindingStore.ClusterResourceBindings, null, name, KarmadaJson.GetTypeInfo<ClusterResourceBinding>(), condition, Deadline, because, Ct);

    private async Task<bool> ExistsAsync(ResourceRef resource, string? ns, string name) =>
        await _client.GetOrNullAsync(resource, ns, name, Ct) is not null;

    private async Task<bool> BindingGoneOrTerminatingAsync(string ns, string name) =>
        await _client.GetOrNullAsync(BindingStore.ResourceBindings, ns, name, KarmadaJson.GetTypeInfo<ResourceBinding>(), Ct) is not { Metadata.DeletionTimestamp: null };
}
