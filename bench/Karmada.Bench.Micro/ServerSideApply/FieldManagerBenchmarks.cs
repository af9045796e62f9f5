using System.Text.Json.Nodes;
using BenchmarkDotNet.Attributes;
using Karmada.Patching.Schema;
using Karmada.Patching.ServerSideApply;

namespace Karmada.Bench.Micro.ServerSideApply;

/// <summary>
/// One <see cref="FieldManager.RecordUpdate"/> per operation, as the API server runs it on every update, patch and
/// status write: a Deployment spec update, a Deployment status write and a Work status write, each against a stored
/// object whose managed fields already hold a creator, a status writer and an editor. Every operation first
/// deep-clones the stored object (the written object must be fresh: the call modifies it); the Clone rows are that
/// floor.
/// </summary>
[MemoryDiagnoser]
public class FieldManagerBenchmarks
{
    private static readonly DateTimeOffset Now = new(2026, 11, 28, 12, 0, 0, TimeSpan.Zero);

    private readonly PatchMeta _deploymentMeta = BuiltInPatchMeta.TryGet("apps", "v1", "Deployment", out var meta) ? meta : throw new InvalidOperationException("no Deployment meta");
    private readonly PatchMeta _workMeta = BuiltInPatchMeta.Generic;
    private JsonObject _deployment = [];
    private JsonObject _work = [];
    private byte[] _storedDeployment = [];

    [GlobalSetup]
    public void Setup()
    {
        _deployment = WithHistory(FieldManagerMicroObjects.Deployment(), _deploymentMeta, "apps/v1", o => o["spec"]!["replicas"] = 4, o => o["status"]!["readyReplicas"] = 3);
        _work = WithHistory(FieldManagerMicroObjects.Work(), _workMeta, "work.karmada.io/v1alpha1", o => o["metadata"]!["labels"]!["edited"] = "yes", o => o["status"]!["manifestStatuses"]![0]!["health"] = "Unknown");
        _storedDeployment = System.Text.Encoding.UTF8.GetBytes(_deployment.ToJsonString());
    }

    /// <summary>The floor of the next row: the stored object parsed twice (old, and the written copy).</summary>
    [Benchmark]
    public JsonObject ParseStoredDeploymentTwice()
    {
        _ = JsonNode.Parse(_storedDeployment)!.AsObject();
        return JsonNode.Parse(_storedDeployment)!.AsObject();
    }

    /// <summary>
    /// As the API server runs a status write: the stored object parsed from its bytes, and the writer that owns the
    /// status fields (karmada-agent) writing them again, the members' most common write.
    /// </summary>
    [Benchmark]
    public JsonObject RepeatedStatusWriterFromStoredBytes()
    {
        var old = JsonNode.Parse(_storedDeployment)!.AsObject();
        var updated = JsonNode.Parse(_storedDeployment)!.AsObject();
        updated["status"]!["readyReplicas"] = 2;
        return FieldManager.RecordUpdate(old, updated, "karmada-agent", "apps/v1", Now, _deploymentMeta, ManagedFieldsScope.Status);
    }

    [Benchmark]
    public JsonObject CloneDeployment() => _deployment.DeepClone().AsObject();

    [Benchmark]
    public JsonObject DeploymentSpecUpdate()
    {
        var updated = _deployment.DeepClone().AsObject();
        updated["spec"]!["replicas"] = 5;
        updated["spec"]!["template"]!["spec"]!["containers"]![0]!["image"] = "nginx:1.26";
        return FieldManager.RecordUpdate(_deployment, updated, "kube-controller-manager", "apps/v1", Now, _deploymentMeta, ManagedFieldsScope.MainResource);
    }

    [Benchmark]
    public JsonObject DeploymentStatusUpdate()
    {
        var updated = _deployment.DeepClone().AsObject();
        updated["status"]!["readyReplicas"] = 1;
        updated["status"]!["availableReplicas"] = 1;
        return FieldManager.RecordUpdate(_deployment, updated, "kube-controller-manager", "apps/v1", Now, _deploymentMeta, ManagedFieldsScope.Status);
    }

    [Benchmark]
    public JsonObject CloneWork() => _work.DeepClone().AsObject();

    [Benchmark]
    public JsonObject WorkStatusUpdate()
    {
        var updated = _work.DeepClone().AsObject();
        updated["status"]!["manifestStatuses"]![0]!["status"]!["readyReplicas"] = 3;
        return FieldManager.RecordUpdate(_work, updated, "karmada-agent", "work.karmada.io/v1alpha1", Now, _workMeta, ManagedFieldsScope.Status);
    }

    // Create by one manager, a status write by another, an edit by a third: the managed fields a busy object carries.
    private static JsonObject WithHistory(JsonObject obj, PatchMeta meta, string apiVersion, Action<JsonObject> edit, Action<JsonObject> statusEdit)
    {
        var created = FieldManager.RecordUpdate(null, obj, "karmada-controller-manager", apiVersion, Now.AddMinutes(-10), meta, ManagedFieldsScope.MainResource);
        var status = created.DeepClone().AsObject();
        statusEdit(status);
        status = FieldManager.RecordUpdate(created, status, "karmada-agent", apiVersion, Now.AddMinutes(-5), meta, ManagedFieldsScope.Status);
        var edited = status.DeepClone().AsObject();
        edit(edited);
        return FieldManager.RecordUpdate(status, edited, "kubectl-edit", apiVersion, Now.AddMinutes(-1), meta, ManagedFieldsScope.MainResource);
    }
}
