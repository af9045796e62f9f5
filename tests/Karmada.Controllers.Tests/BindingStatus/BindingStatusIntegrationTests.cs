using System.Text.Json.Nodes;
using Karmada.Api;
using Karmada.Api.Meta;
using Karmada.Client;
using Karmada.Controllers.BindingStatus;
using Karmada.Testing;
using Karmada.Testing.ControlPlane;
using static Karmada.Controllers.Tests.BindingStatus.BindingStatusTestObjects;
using WorkV1Alpha1 = Karmada.Api.Work.V1Alpha1;
using WorkV1Alpha2 = Karmada.Api.Work.V1Alpha2;

namespace Karmada.Controllers.Tests.BindingStatus;

/// <summary>
/// The bindingStatus controllers against a real control plane. Bindings, Works and Work statuses are written by hand
/// exactly as the detector, scheduler, binding, execution and work-status controllers write them.
/// </summary>
[Trait("Category", "Integration")]
public sealed class BindingStatusIntegrationTests : IAsyncLifetime
{
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(30);
    private static readonly ResourceRef Deployments = new("apps", "v1", "deployments", Namespaced: true);
    private static readonly ResourceRef ResourceBindings = new("work.karmada.io", "v1alpha2", "resourcebindings", Namespaced: true);
    private static readonly ResourceRef ClusterResourceBindings = new("work.karmada.io", "v1alpha2", "clusterresourcebindings", Namespaced: false);
    private static readonly ResourceRef Works = new("work.karmada.io", "v1alpha1", "works", Namespaced: true);
    private StatusControllersFixture _fixture = null!;

    private KubeApiClient Cp => _fixture.Client;

    public async Task InitializeAsync() => _fixture = await StatusControllersFixture.StartAsync(BindingStatusControllers.Name);

    public async Task DisposeAsync() => await _fixture.DisposeAsync();

    [Fact]
    public async Task ResourceBinding_WorkStatuses_AggregateIntoBindingAndDeploymentStatus_FullyAppliedFlipsOnFailure()
    {
        using var cts = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        var ct = cts.Token;
        await CreateNamespaceAsync("apps", ct);
        await CreateNamespaceAsync("karmada-es-member1", ct);
        await CreateNamespaceAsync("karmada-es-member2", ct);
        var deployment = await Cp.CreateAsync(Deployments, new JsonObject
        {
            ["apiVersion"] = "apps/v1",
            ["kind"] = "Deployment",
            ["metadata"] = new JsonObject { ["namespace"] = "apps", ["name"] = "web" },
            ["spec"] = new JsonObject
            {
                ["replicas"] = 3,
                ["selector"] = new JsonObject { ["matchLabels"] = new JsonObject { ["app"] = "web" } },
                ["template"] = new JsonObject
                {
                    ["metadata"] = new JsonObject { ["labels"] = new JsonObject { ["app"] = "web" } },
                    ["spec"] = new JsonObject { ["containers"] = new JsonArray(new JsonObject { ["name"] = "web", ["image"] = "nginx" }) },
                },
            },
        }, cancellationToken: ct);
        var generation = (long)deployment["metadata"]!["generation"]!;

        var binding = new WorkV1Alpha2.ResourceBinding { Spec = Spec("member1", "member2") };
        binding.Metadata.Namespace = "apps";
        binding.Metadata.Name = "web-deployment";
        binding.Spec.Resource.Uid = JsonObjectMeta.GetUid(deployment);
        binding.Spec.Resource.ResourceVersion = JsonObjectMeta.GetResourceVersion(deployment);
        binding = await Cp.CreateAsync(ResourceBindings, "apps", binding, KarmadaJson.GetTypeInfo<WorkV1Alpha2.ResourceBinding>(), cancellationToken: ct);
        binding.Status.LastScheduledTime = DateTimeOffset.UtcNow;
        binding.Status.SchedulerObservedGeneration = binding.Metadata.Generation;
        binding = await Cp.UpdateStatusAsync(ResourceBindings, "apps", "web-deployment", binding, KarmadaJson.GetTypeInfo<WorkV1Alpha2.ResourceBinding>(), cancellationToken: ct);
        var permanentId = binding.Metadata.Labels["resourcebinding.karmada.io/permanent-id"];

        // Works created, not applied yet: both listed as not applied, FullyApplied False.
        await CreateWorkAsync("member1", permanentId, ct);
        await CreateWorkAsync("member2", permanentId, ct);
        await SetWorkStatusAsync("member1", applied: true, DeploymentStatus(ready: 1, generation: 1, observedGeneration: 1, templateGeneration: generation), ct);
        binding = await WaitForBindingAsync(b => b.Status.AggregatedStatus.Count == 2 && b.Status.AggregatedStatus[0].Applied, "member1 applied", ct);
        Assert.False(binding.Status.AggregatedStatus[1].Applied);
        Assert.Equal(ConditionStatus.False, FullyApplied(binding)!.Status);

        // Both applied and healthy: FullyApplied True, template status is the sum.
        await SetWorkStatusAsync("member2", applied: true, DeploymentStatus(ready: 2, generation: 1, observedGeneration: 1, templateGeneration: generation), ct);
        binding = await WaitForBindingAsync(b => FullyApplied(b)?.Status == ConditionStatus.True, "FullyApplied True", ct);
        Assert.Equal(["member1", "member2"], binding.Status.AggregatedStatus.Select(i => i.ClusterName));
        Assert.All(binding.Status.AggregatedStatus, i => Assert.Equal(WorkV1Alpha2.ResourceHealth.Healthy, i.Health));
        Assert.Equal(2, (long)binding.Status.AggregatedStatus[1].Status!["readyReplicas"]!);
        Assert.Equal(WorkV1Alpha2.BindingConditionReasons.FullyAppliedSuccess, FullyApplied(binding)!.Reason);
        var template = await WaitForDeploymentAsync(d => (long?)d["status"]?["readyReplicas"] == 3, "template readyReplicas summed", ct);
        Assert.Equal(generation, (long)template["status"]!["observedGeneration"]!);
        Assert.Equal(3, (long)template["status"]!["availableReplicas"]!);
        Assert.Equal(3, (long)template["spec"]!["replicas"]!);

        // member2's Work fails: FullyApplied flips to False with the failure recorded per cluster.
        await SetWorkStatusAsync("member2", applied: false, null, ct, message: "admission denied");
        binding = await WaitForBindingAsync(b => FullyApplied(b)?.Status == ConditionStatus.False, "FullyApplied False after failure", ct);
        var failed = binding.Status.AggregatedStatus.Single(i => i.ClusterName == "member2");
        Assert.False(failed.Applied);
        Assert.Equal("admission denied", failed.AppliedMessage);
        Assert.Equal(WorkV1Alpha2.BindingConditionReasons.FullyAppliedFailed, FullyApplied(binding)!.Reason);
        await WaitForDeploymentAsync(d => (long?)d["status"]?["readyReplicas"] == 1, "template drops the failed cluster", ct);
    }

    [Fact]
    public async Task ClusterResourceBinding_WorkStatus_AggregatesIntoBinding()
    {
        using var cts = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        var ct = cts.Token;
        await CreateNamespaceAsync("karmada-es-member1", ct);
        var binding = new WorkV1Alpha2.ClusterResourceBinding();
        binding.Metadata.Name = "team-namespace";
        binding.Spec.Resource = new WorkV1Alpha2.ObjectReference { ApiVersion = "v1", Kind = "Namespace", Name = "team" };
        binding.Spec.Clusters.Add(new WorkV1Alpha2.TargetCluster { Name = "member1" });
        var typeInfo = KarmadaJson.GetTypeInfo<WorkV1Alpha2.ClusterResourceBinding>();
        binding = await Cp.CreateAsync(ClusterResourceBindings, null, binding, typeInfo, cancellationToken: ct);
        binding.Status.LastScheduledTime = DateTimeOffset.UtcNow;
        await Cp.UpdateStatusAsync(ClusterResourceBindings, null, "team-namespace", binding, typeInfo, cancellationToken: ct);

        var work = new WorkV1Alpha1.Work();
        work.Metadata.Namespace = "karmada-es-member1";
        work.Metadata.Name = "team-namespace";
        work.Metadata.Labels["clusterresourcebinding.karmada.io/permanent-id"] = binding.Metadata.Labels["clusterresourcebinding.karmada.io/permanent-id"];
        work.Metadata.Annotations["clusterresourcebinding.karmada.io/name"] = "team-namespace";
        work.Spec.Workload.Manifests.Add(new JsonObject { ["apiVersion"] = "v1", ["kind"] = "Namespace", ["metadata"] = new JsonObject { ["name"] = "team" } });
        var workType = KarmadaJson.GetTypeInfo<WorkV1Alpha1.Work>();
        work = await Cp.CreateAsync(Works, "karmada-es-member1", work, workType, cancellationToken: ct);
        work.Status.Conditions.Add(new Condition { Type = "Applied", Status = ConditionStatus.True, Reason = "AppliedSuccessful", LastTransitionTime = DateTimeOffset.UtcNow });
        work.Status.ManifestStatuses.Add(new WorkV1Alpha1.ManifestStatus
        {
            Identifier = new WorkV1Alpha1.ResourceIdentifier { Ordinal = 0, Version = "v1", Kind = "Namespace", Resource = "namespaces", Name = "team" },
            Status = new JsonObject { ["phase"] = "Active" },
            Health = WorkV1Alpha1.ResourceHealth.Healthy,
        });
        await Cp.UpdateStatusAsync(Works, "karmada-es-member1", "team-namespace", work, workType, cancellationToken: ct);

        await Eventually.UntilAsync(
            async () =>
            {
                var current = await Cp.GetAsync(ClusterResourceBindings, null, "team-namespace", typeInfo, ct);
                return current.Status.Conditions.Any(c => c.Type == "FullyApplied" && c.Status == ConditionStatus.True)
                    && (string?)current.Status.AggregatedStatus.Single().Status?["phase"] == "Active";
            },
            Deadline,
            "ClusterResourceBinding FullyApplied with the member status",
            ct);
    }

    private async Task CreateNamespaceAsync(string name, CancellationToken ct) =>
        await Cp.CreateAsync(ResourceRef.Namespaces, new JsonObject { ["apiVersion"] = "v1", ["kind"] = "Namespace", ["metadata"] = new JsonObject { ["name"] = name } }, cancellationToken: ct);

    private async Task CreateWorkAsync(string cluster, string bindingPermanentId, CancellationToken ct)
    {
        var work = new WorkV1Alpha1.Work();
        work.Metadata.Namespace = "karmada-es-" + cluster;
        work.Metadata.Name = "web-work";
        work.Metadata.Labels["resourcebinding.karmada.io/permanent-id"] = bindingPermanentId;
        work.Metadata.Annotations["resourcebinding.karmada.io/namespace"] = "apps";
        work.Metadata.Annotations["resourcebinding.karmada.io/name"] = "web-deployment";
        work.Spec.Workload.Manifests.Add(DeploymentManifest());
        await Cp.CreateAsync(Works, work.Metadata.Namespace, work, KarmadaJson.GetTypeInfo<WorkV1Alpha1.Work>(), cancellationToken: ct);
    }

    // What the execution and work-status controllers write: the Applied condition and the manifest's reflected status.
    private async Task SetWorkStatusAsync(string cluster, bool applied, JsonObject? reflected, CancellationToken ct, string message = "")
    {
        var typeInfo = KarmadaJson.GetTypeInfo<WorkV1Alpha1.Work>();
        var work = await Cp.GetAsync(Works, "karmada-es-" + cluster, "web-work", typeInfo, ct);
        work.Status.Conditions =
        [
            new Condition
            {
                Type = "Applied",
                Status = applied ? ConditionStatus.True : ConditionStatus.False,
                Reason = applied ? "AppliedSuccessful" : "AppliedFailed",
                Message = message,
                LastTransitionTime = DateTimeOffset.UtcNow,
            },
        ];
        work.Status.ManifestStatuses = reflected is null
            ? []
            :
            [
                new WorkV1Alpha1.ManifestStatus
                {
                    Identifier = new WorkV1Alpha1.ResourceIdentifier { Ordinal = 0, Group = "apps", Version = "v1", Kind = "Deployment", Resource = "deployments", Namespace = "apps", Name = "web" },
                    Status = reflected,
                    Health = WorkV1Alpha1.ResourceHealth.Healthy,
                },
            ];
        await Cp.UpdateStatusAsync(Works, work.Metadata.Namespace, "web-work", work, typeInfo, cancellationToken: ct);
    }

    private Task<WorkV1Alpha2.ResourceBinding> WaitForBindingAsync(Func<WorkV1Alpha2.ResourceBinding, bool> condition, string because, CancellationToken ct) =>
        Cp.ReadUntilAsync(ResourceBindings, "apps", "web-deployment", KarmadaJson.GetTypeInfo<WorkV1Alpha2.ResourceBinding>(), condition, Deadline, because, ct);

    private async Task<JsonObject> WaitForDeploymentAsync(Func<JsonObject, bool> condition, string because, CancellationToken ct)
    {
        JsonObject? last = null;
        await Eventually.UntilAsync(
            async () =>
            {
                last = await Cp.GetAsync(Deployments, "apps", "web", ct);
                return condition(last);
            },
            Deadline,
            because,
            ct);
        return last!;
    }

    private static Condition? FullyApplied(WorkV1Alpha2.ResourceBinding binding) =>
        binding.Status.Conditions.Find(c => c.Type == WorkV1Alpha2.BindingConditionTypes.FullyApplied);
}
