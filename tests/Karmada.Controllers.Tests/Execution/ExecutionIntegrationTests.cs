using System.Text.Json.Nodes;
using Karmada.Api.Meta;
using Karmada.Client;
using Karmada.Controllers.Execution;
using Karmada.Controllers.Runtime;
using Karmada.Testing;
using Karmada.Testing.ControlPlane;
using WorkV1Alpha1 = Karmada.Api.Work.V1Alpha1;

namespace Karmada.Controllers.Tests.Execution;

/// <summary>
/// The execution and workStatus controllers against a real in-process control plane and a real simulated member
/// joined in Push mode; Works are written by hand, as the binding controller would.
/// </summary>
[Trait("Category", "Integration")]
public sealed class ExecutionIntegrationTests : IAsyncLifetime
{
    private const string ClusterName = "member1";
    private const string ExecutionSpace = "karmada-es-member1";
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(30);
    private static readonly ResourceRef Deployments = new("apps", "v1", "deployments", true);
    private static readonly ResourceRef ConfigMaps = ResourceRef.ConfigMaps;
    private readonly CancellationTokenSource _timeout = new(TimeSpan.FromMinutes(3));
    private PushMemberTestBed _bed = null!;
    private InProcessControlPlane _controlPlane = null!;
    private InProcessMember _member = null!;
    private KubeApiClient _cp = null!;

    private CancellationToken Ct => _timeout.Token;

    private KubeApiClient MemberClient => _member.Client;

    public async Task InitializeAsync()
    {
        _bed = await PushMemberTestBed.StartAsync("cp-exec", ClusterName, configure: null, Deadline, Ct);
        _controlPlane = _bed.ControlPlane;
        _member = _bed.Member;
        _cp = _controlPlane.Client;
    }

    public async Task DisposeAsync()
    {
        await _bed.DisposeAsync();
        _timeout.Dispose();
    }

    [Fact]
    public async Task Work_AppliedWithStatus_DriftCorrected_DeletedObjectRecreated_WorkDeletionCleansMember()
    {
        await CreateWorkAsync("web", [TestWorkloads.Deployment("web", 2), ConfigMap("web-config", "web")]);

        var work = await WaitForWorkAsync("web", w => AppliedStatus(w) == ConditionStatus.True, "web Applied");
        Assert.Equal(WorkV1Alpha1.WorkConditionReasons.AppliedSuccessful, Applied(work)!.Reason);
        Assert.Contains("karmada.io/execution-controller", work.Metadata.Finalizers);
        Assert.NotNull(await MemberClient.GetOrNullAsync(Deployments, "default", "web", Ct));
        Assert.Equal("v", (await MemberClient.GetAsync(ConfigMaps, "default", "web-config", Ct))["data"]!["k"]!.GetValue<string>());

        // The simulator rolls the Deployment out; the status controller reflects it.
        work = await WaitForWorkAsync(
            "web",
            w => w.Status.ManifestStatuses.Count == 2
                && w.Status.ManifestStatuses[0].Health == WorkV1Alpha1.ResourceHealth.Healthy
                && w.Status.ManifestStatuses[0].Status?["readyReplicas"]?.GetValue<int>() == 2,
            "web reports a healthy Deployment");
        var deploymentStatus = work.Status.ManifestStatuses[0];
        Assert.Equal(new[] { 0, 1 }, work.Status.ManifestStatuses.Select(s => s.Identifier.Ordinal));
        Assert.Equal(("apps", "v1", "Deployment", "deployments", "default", "web"), (deploymentStatus.Identifier.Group, deploymentStatus.Identifier.Version, deploymentStatus.Identifier.Kind, deploymentStatus.Identifier.Resource, deploymentStatus.Identifier.Namespace, deploymentStatus.Identifier.Name));
        Assert.Equal(WorkV1Alpha1.ResourceHealth.Healthy, work.Status.ManifestStatuses[1].Health);
        Assert.Equal("ConfigMap", work.Status.ManifestStatuses[1].Identifier.Kind);

        // Edited in the member: replicas and a Karmada-owned label are put back; the member's own label stays.
        var deployment = await MemberClient.GetAsync(Deployments, "default", "web", Ct);
        deployment["spec"]!["replicas"] = 5;
        deployment["metadata"]!["labels"]!["app"] = "edited";
        deployment["metadata"]!["labels"]!["member-owned"] = "yes";
        await MemberClient.UpdateAsync(Deployments, deployment, cancellationToken: Ct);
        await Eventually.UntilAsync(
            async () =>
            {
                var current = await MemberClient.GetAsync(Deployments, "default", "web", Ct);
                return current["spec"]!["replicas"]!.GetValue<int>() == 2 && current["metadata"]!["labels"]!["app"]!.GetValue<string>() == "web";
            },
            Deadline,
            "Deployment drift corrected",
            Ct);
        Assert.Equal("yes", (await MemberClient.GetAsync(Deployments, "default", "web", Ct))["metadata"]!["labels"]!["member-owned"]!.GetValue<string>());

        var configMap = await MemberClient.GetAsync(ConfigMaps, "default", "web-config", Ct);
        configMap["data"]!["k"] = "edited";
        await MemberClient.UpdateAsync(ConfigMaps, configMap, cancellationToken: Ct);
        await Eventually.UntilAsync(
            async () => (await MemberClient.GetAsync(ConfigMaps, "default", "web-config", Ct))["data"]!["k"]!.GetValue<string>() == "v",
            Deadline,
            "ConfigMap drift corrected",
            Ct);

        // Deleted in the member: recreated.
        await MemberClient.DeleteAsync(ConfigMaps, "default", "web-config", cancellationToken: Ct);
        await Eventually.UntilAsync(async () => await MemberClient.GetOrNullAsync(ConfigMaps, "default", "web-config", Ct) is not null, Deadline, "ConfigMap recreated", Ct);

        // Work deleted: the member objects go, then the Work.
        await _cp.DeleteAsync(WorkMeta.Resource, ExecutionSpace, "web", cancellationToken: Ct);
        await Eventually.UntilAsync(async () => await _cp.GetOrNullAsync(WorkMeta.Resource, ExecutionSpace, "web", Ct) is null, Deadline, "Work web gone", Ct);
        Assert.Null(await MemberClient.GetOrNullAsync(Deployments, "default", "web", Ct));
        Assert.Null(await MemberClient.GetOrNullAsync(ConfigMaps, "default", "web-config", Ct));
    }

    [Fact]
    public async Task Work_UnmanagedObject_AbortFailsThenOverwriteTakesOver()
    {
        await MemberClient.CreateAsync(ConfigMaps, new JsonObject
        {
            ["apiVersion"] = "v1",
            ["kind"] = "ConfigMap",
            ["metadata"] = new JsonObject { ["name"] = "existing", ["namespace"] = "default" },
            ["data"] = new JsonObject { ["k"] = "member" },
        }, cancellationToken: Ct);
        await CreateWorkAsync("existing", [ConfigMap("existing", "existing")]);

        var work = await WaitForWorkAsync("existing", w => AppliedStatus(w) == ConditionStatus.False, "existing not applied");
        Assert.Equal(WorkV1Alpha1.WorkConditionReasons.AppliedFailed, Applied(work)!.Reason);
        Assert.Equal(
            "Failed to apply all manifests (0/1): resource(kind=ConfigMap, default/existing) already exists in the cluster member1 and the work.karmada.io/conflict-resolution strategy value is empty, Karmada will not manage this resource",
            Applied(work)!.Message);
        Assert.Equal("member", (await MemberClient.GetAsync(ConfigMaps, "default", "existing", Ct))["data"]!["k"]!.GetValue<string>());

        work.Spec.Workload.Manifests[0]["metadata"]!["annotations"]!["work.karmada.io/conflict-resolution"] = "overwrite";
        await _cp.UpdateAsync(WorkMeta.Resource, ExecutionSpace, "existing", work, WorkMeta.TypeInfo, cancellationToken: Ct);

        await WaitForWorkAsync("existing", w => AppliedStatus(w) == ConditionStatus.True, "existing applied with overwrite");
        var taken = await MemberClient.GetAsync(ConfigMaps, "default", "existing", Ct);
        Assert.Equal("v", taken["data"]!["k"]!.GetValue<string>());
        Assert.Equal("true", JsonObjectMeta.GetLabel(taken, "karmada.io/managed"));
    }

    [Fact]
    public async Task Work_PreserveOnDeletion_KeepsReleasedObject_InvalidManifestReportsMemberError()
    {
        await CreateWorkAsync("kept", [ConfigMap("kept", "kept")], preserveResourcesOnDeletion: true);
        await WaitForWorkAsync("kept", w => AppliedStatus(w) == ConditionStatus.True, "kept Applied");
        await _cp.DeleteAsync(WorkMeta.Resource, ExecutionSpace, "kept", cancellationToken: Ct);
        await Eventually.UntilAsync(async () => await _cp.GetOrNullAsync(WorkMeta.Resource, ExecutionSpace, "kept", Ct) is null, Deadline, "Work kept gone", Ct);
        var kept = await MemberClient.GetAsync(ConfigMaps, "default", "kept", Ct);
        Assert.Null(JsonObjectMeta.GetLabel(kept, "karmada.io/managed"));
        Assert.Equal("web", JsonObjectMeta.GetLabel(kept, "app"));
        Assert.Null(kept["metadata"]!["annotations"]?["work.karmada.io/name"]);

        await CreateWorkAsync("invalid", [ConfigMap("Invalid_Name", "invalid")]);
        var work = await WaitForWorkAsync("invalid", w => AppliedStatus(w) == ConditionStatus.False, "invalid not applied");
        Assert.Equal(WorkV1Alpha1.WorkConditionReasons.AppliedFailed, Applied(work)!.Reason);
        Assert.StartsWith("Failed to apply all manifests (0/1): ", Applied(work)!.Message, StringComparison.Ordinal);
        Assert.Contains("\"Invalid_Name\" is invalid", Applied(work)!.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Work_SuspendedThenResumed_ClusterUnjoinedCleansMemberAndReleasesWork()
    {
        await CreateWorkAsync("paused", [ConfigMap("paused", "paused")], suspendDispatching: true);
        var work = await WaitForWorkAsync(
            "paused",
            w => w.Status.Conditions.Exists(c => c.Type == WorkV1Alpha1.WorkConditionTypes.Dispatching && c.Status == ConditionStatus.False),
            "paused reports suspended dispatching");
        Assert.Equal(WorkV1Alpha1.WorkConditionReasons.SuspendDispatching, work.Status.Conditions.Find(c => c.Type == WorkV1Alpha1.WorkConditionTypes.Dispatching)!.Reason);
        Assert.Null(Applied(work));
        Assert.Null(await MemberClient.GetOrNullAsync(ConfigMaps, "default", "paused", Ct));

        work.Spec.SuspendDispatching = false;
        await _cp.UpdateAsync(WorkMeta.Resource, ExecutionSpace, "paused", work, WorkMeta.TypeInfo, cancellationToken: Ct);
        await WaitForWorkAsync("paused", w => AppliedStatus(w) == ConditionStatus.True, "paused applied once resumed");
        Assert.NotNull(await MemberClient.GetOrNullAsync(ConfigMaps, "default", "paused", Ct));

        // Unjoin: the execution namespace and its Works go; the Ready member is cleaned on the way out.
        await _cp.DeleteAsync(ResourceRefs.Clusters, null, ClusterName, cancellationToken: Ct);
        await Eventually.UntilAsync(async () => await _cp.GetOrNullAsync(ResourceRefs.Clusters, null, ClusterName, Ct) is null, Deadline, "Cluster gone", Ct);
        Assert.Null(await _cp.GetOrNullAsync(WorkMeta.Resource, ExecutionSpace, "paused", Ct));
        Assert.Null(await MemberClient.GetOrNullAsync(ConfigMaps, "default", "paused", Ct));
    }

    private static Condition? Applied(WorkV1Alpha1.Work work) =>
        work.Status.Conditions.Find(c => c.Type == WorkV1Alpha1.WorkConditionTypes.Applied);

    private static ConditionStatus? AppliedStatus(WorkV1Alpha1.Work work) => Applied(work)?.Status;

    private Task<WorkV1Alpha1.Work> CreateWorkAsync(string name, IEnumerable<JsonObject> manifests, bool preserveResourcesOnDeletion = false, bool suspendDispatching = false) =>
        _cp.CreateAsync(WorkMeta.Resource, ExecutionSpace, TestWorks.Create(ExecutionSpace, name, manifests, preserveResourcesOnDeletion, suspendDispatching), WorkMeta.TypeInfo, cancellationToken: Ct);

    private Task<WorkV1Alpha1.Work> WaitForWorkAsync(string name, Func<WorkV1Alpha1.Work, bool> condition, string because) =>
        _cp.ReadUntilAsync(WorkMeta.Resource, ExecutionSpace, name, WorkMeta.TypeInfo, condition, Deadline, because, Ct);

    private static JsonObject ConfigMap(string name, string app) => JsonNode.Parse("""
        {"apiVersion":"v1","kind":"ConfigMap","metadata":{"name":"__NAME__","namespace":"default","labels":{"app":"web","owner":"__APP__"}},"data":{"k":"v"}}
        """.Replace("__APP__", app, StringComparison.Ordinal).Replace("__NAME__", name, StringComparison.Ordinal))!.AsObject();
}
