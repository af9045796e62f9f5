using System.Text.Json.Nodes;
using Karmada.Patching.Schema;
using Karmada.Patching.ServerSideApply;

namespace Karmada.Patching.Tests.ServerSideApply;

public sealed class FieldManagerUpdateTests
{
    private static readonly DateTimeOffset T0 = new(2026, 11, 28, 6, 0, 21, TimeSpan.Zero);
    private static readonly PatchMeta Deployment = BuiltInPatchMeta.For("apps", "v1", "Deployment");

    // What kube-apiserver stores for `kubectl create deployment nginx --image=nginx`, after defaulting.
    private const string CreatedDeployment = """
        {"apiVersion":"apps/v1","kind":"Deployment",
         "metadata":{"name":"nginx","namespace":"default","uid":"6b7f1c62","resourceVersion":"1","generation":1,
                     "creationTimestamp":"2026-11-28T06:00:21Z","labels":{"app":"nginx"}},
         "spec":{"replicas":1,"selector":{"matchLabels":{"app":"nginx"}},
                 "template":{"metadata":{"labels":{"app":"nginx"}},
                             "spec":{"containers":[{"name":"nginx","image":"nginx","resources":{},
                                                    "terminationMessagePath":"/dev/termination-log",
                                                    "terminationMessagePolicy":"File","imagePullPolicy":"Always"}],
                                     "restartPolicy":"Always","terminationGracePeriodSeconds":30,"dnsPolicy":"ClusterFirst",
                                     "securityContext":{},"schedulerName":"default-scheduler"}},
                 "strategy":{"type":"RollingUpdate","rollingUpdate":{"maxUnavailable":"25%","maxSurge":"25%"}},
                 "revisionHistoryLimit":10,"progressDeadlineSeconds":600},
         "status":{}}
        """;

    [Fact]
    public void RecordUpdate_CreateDeployment_RecordsFieldsV1AsKubeApiserver()
    {
        var created = FieldManager.RecordUpdate(null, JsonText.Parse(CreatedDeployment), "kubectl-create", "apps/v1", T0, Deployment);

        var entries = created["metadata"]!["managedFields"]!.AsArray();
        Assert.Single(entries);
        Assert.Equal(
            """{"manager":"kubectl-create","operation":"Update","apiVersion":"apps/v1","time":"2026-11-28T06:00:21Z","fieldsType":"FieldsV1","fieldsV1":{"f:metadata":{"f:labels":{".":{},"f:app":{}}},"f:spec":{"f:progressDeadlineSeconds":{},"f:replicas":{},"f:revisionHistoryLimit":{},"f:selector":{},"f:strategy":{"f:rollingUpdate":{".":{},"f:maxSurge":{},"f:maxUnavailable":{}},"f:type":{}},"f:template":{"f:metadata":{"f:labels":{".":{},"f:app":{}}},"f:spec":{"f:containers":{"k:{\"name\":\"nginx\"}":{".":{},"f:image":{},"f:imagePullPolicy":{},"f:name":{},"f:resources":{},"f:terminationMessagePath":{},"f:terminationMessagePolicy":{}}},"f:dnsPolicy":{},"f:restartPolicy":{},"f:schedulerName":{},"f:securityContext":{},"f:terminationGracePeriodSeconds":{}}}}}}""",
            JsonText.Of(entries[0]));
    }

    [Fact]
    public void RecordUpdate_CreateCustomResource_MarksNewObjectsWithDot()
    {
        var widget = JsonText.Parse("""{"apiVersion":"example.com/v1","kind":"Widget","metadata":{"name":"w","finalizers":["example.com/cleanup"]},"spec":{"size":1,"tags":["a"]}}""");

        var created = FieldManager.RecordUpdate(null, widget, "kubectl-client-side-apply", "example.com/v1", T0, BuiltInPatchMeta.Generic);

        Assert.Equal(
            """{"f:metadata":{"f:finalizers":{".":{},"v:\"example.com/cleanup\"":{}}},"f:spec":{".":{},"f:size":{},"f:tags":{}}}""",
            JsonText.Of(created["metadata"]!["managedFields"]![0]!["fieldsV1"]));
    }

    [Fact]
    public void RecordUpdate_ChangeBySameManager_MergesIntoOneEntryAndMovesTime()
    {
        var v1 = FieldManager.RecordUpdate(null, JsonText.Parse(CreatedDeployment), "kubectl-create", "apps/v1", T0, Deployment);
        var v2 = (JsonObject)v1.DeepClone();
        v2["spec"]!["replicas"] = 2;
        v2["spec"]!["paused"] = true;

        var updated = FieldManager.RecordUpdate(v1, v2, "kubectl-create", "apps/v1", T0.AddMinutes(1), Deployment);

        var entry = Assert.Single(updated["metadata"]!["managedFields"]!.AsArray())!;
        Assert.Equal("2026-11-28T06:01:21Z", (string?)entry["time"]);
        Assert.NotNull(entry["fieldsV1"]!["f:spec"]!["f:paused"]);
        Assert.NotNull(entry["fieldsV1"]!["f:spec"]!["f:replicas"]);
    }

    [Fact]
    public void RecordUpdate_ChangeByOtherManager_TransfersOwnership()
    {
        var v1 = FieldManager.RecordUpdate(null, JsonText.Parse(CreatedDeployment), "kubectl-create", "apps/v1", T0, Deployment);
        var v2 = (JsonObject)v1.DeepClone();
        v2["spec"]!["replicas"] = 5;

        var updated = FieldManager.RecordUpdate(v1, v2, "kube-controller-manager", "apps/v1", T0.AddMinutes(1), Deployment);

        var entries = updated["metadata"]!["managedFields"]!.AsArray();
        Assert.Equal(["kubectl-create", "kube-controller-manager"], entries.Select(e => (string)e!["manager"]!));
        Assert.Null(entries[0]!["fieldsV1"]!["f:spec"]!["f:replicas"]);
        Assert.Equal("""{"f:spec":{"f:replicas":{}}}""", JsonText.Of(entries[1]!["fieldsV1"]));
    }

    [Fact]
    public void RecordUpdate_NoChange_LeavesEntriesUntouched()
    {
        var v1 = FieldManager.RecordUpdate(null, JsonText.Parse(CreatedDeployment), "kubectl-create", "apps/v1", T0, Deployment);
        var v2 = (JsonObject)v1.DeepClone();
        v2["metadata"]!["resourceVersion"] = "2";
        v2["metadata"]!["generation"] = 2;

        var updated = FieldManager.RecordUpdate(v1, v2, "kubectl-edit", "apps/v1", T0.AddMinutes(1), Deployment);

        Assert.Equal(JsonText.Of(v1["metadata"]!["managedFields"]), JsonText.Of(updated["metadata"]!["managedFields"]));
    }

    [Fact]
    public void RecordUpdate_StatusOnMainResource_IsNotOwned()
    {
        var v1 = FieldManager.RecordUpdate(null, JsonText.Parse(CreatedDeployment), "kubectl-create", "apps/v1", T0, Deployment);
        var v2 = (JsonObject)v1.DeepClone();
        v2["status"] = new JsonObject { ["replicas"] = 1 };

        var updated = FieldManager.RecordUpdate(v1, v2, "kubectl-edit", "apps/v1", T0.AddMinutes(1), Deployment);

        Assert.Single(updated["metadata"]!["managedFields"]!.AsArray());
    }

    [Fact]
    public void RecordUpdate_StatusSubresource_RecordsOnlyStatusWithSubresource()
    {
        var v1 = FieldManager.RecordUpdate(null, JsonText.Parse(CreatedDeployment), "kubectl-create", "apps/v1", T0, Deployment);
        var v2 = (JsonObject)v1.DeepClone();
        v2["status"] = JsonText.Parse("""{"replicas":1,"conditions":[{"type":"Available","status":"True"}]}""");
        v2["metadata"]!["managedFields"] = new JsonArray();

        var updated = FieldManager.RecordUpdate(v1, v2, "kube-controller-manager", "apps/v1", T0.AddMinutes(1), Deployment, ManagedFieldsScope.Status);

        var entries = updated["metadata"]!["managedFields"]!.AsArray();
        Assert.Equal(2, entries.Count);
        Assert.Equal(
            """{"manager":"kube-controller-manager","operation":"Update","apiVersion":"apps/v1","time":"2026-11-28T06:01:21Z","fieldsType":"FieldsV1","fieldsV1":{"f:status":{"f:conditions":{".":{},"k:{\"type\":\"Available\"}":{".":{},"f:status":{},"f:type":{}}},"f:replicas":{}}},"subresource":"status"}""",
            JsonText.Of(entries[1]));
    }

    [Fact]
    public void RecordUpdate_ScaleSubresource_RecordsSubresourceAndReplicas()
    {
        var v1 = FieldManager.RecordUpdate(null, JsonText.Parse(CreatedDeployment), "kubectl-create", "apps/v1", T0, Deployment);
        var v2 = (JsonObject)v1.DeepClone();
        v2["spec"]!["replicas"] = 5;

        var updated = FieldManager.RecordUpdate(v1, v2, "kubectl", "apps/v1", T0.AddMinutes(1), Deployment, ManagedFieldsScope.ForSubresource("scale"));

        var entry = updated["metadata"]!["managedFields"]![1]!;
        Assert.Equal("scale", (string?)entry["subresource"]);
        Assert.Equal("""{"f:spec":{"f:replicas":{}}}""", JsonText.Of(entry["fieldsV1"]));
        Assert.Same(ManagedFieldsScope.Status, ManagedFieldsScope.ForSubresource("status"));
    }

    [Fact]
    public void RecordUpdate_GeneratedName_IsOwnedButIdentityIsNot()
    {
        var pod = JsonText.Parse("""{"apiVersion":"v1","kind":"Pod","metadata":{"generateName":"web-","name":"web-x1","namespace":"default","uid":"u","resourceVersion":"7"},"spec":{"containers":[{"name":"c","image":"i"}]}}""");

        var created = FieldManager.RecordUpdate(null, pod, "kube-controller-manager", "v1", T0, BuiltInPatchMeta.For("", "v1", "Pod"));

        Assert.Equal(
            """{"f:metadata":{"f:generateName":{}},"f:spec":{"f:containers":{"k:{\"name\":\"c\"}":{".":{},"f:image":{},"f:name":{},"f:resources":{}}}}}""",
            JsonText.Of(created["metadata"]!["managedFields"]![0]!["fieldsV1"]));
    }

    [Fact]
    public void RecordUpdate_ManagedFieldsInRequest_ReplaceStoredOnes()
    {
        var v1 = FieldManager.RecordUpdate(null, JsonText.Parse(CreatedDeployment), "kubectl-create", "apps/v1", T0, Deployment);
        var v2 = (JsonObject)v1.DeepClone();
        v2["metadata"]!["managedFields"]![0]!["manager"] = "renamed";

        var updated = FieldManager.RecordUpdate(v1, v2, "kubectl", "apps/v1", T0.AddMinutes(1), Deployment);

        Assert.Equal("renamed", (string?)updated["metadata"]!["managedFields"]![0]!["manager"]);
    }

    [Fact]
    public void RecordUpdate_EmptyManagedFieldsOnExistingObject_StopsTracking()
    {
        var v1 = FieldManager.RecordUpdate(null, JsonText.Parse(CreatedDeployment), "kubectl-create", "apps/v1", T0, Deployment);
        var v2 = (JsonObject)v1.DeepClone();
        v2["metadata"]!["managedFields"] = new JsonArray();
        v2["spec"]!["replicas"] = 3;

        var updated = FieldManager.RecordUpdate(v1, v2, "kubectl-edit", "apps/v1", T0.AddMinutes(1), Deployment);

        Assert.False(updated["metadata"]!.AsObject().ContainsKey("managedFields"));
    }

    [Fact]
    public void RecordUpdate_MissingManagedFieldsInRequest_KeepsStoredOnes()
    {
        var v1 = FieldManager.RecordUpdate(null, JsonText.Parse(CreatedDeployment), "kubectl-create", "apps/v1", T0, Deployment);
        var v2 = (JsonObject)v1.DeepClone();
        v2["metadata"]!.AsObject().Remove("managedFields");
        v2["metadata"]!["labels"]!["tier"] = "web";

        var updated = FieldManager.RecordUpdate(v1, v2, "kubectl-label", "apps/v1", T0.AddMinutes(1), Deployment);

        var entries = updated["metadata"]!["managedFields"]!.AsArray();
        Assert.Equal(["kubectl-create", "kubectl-label"], entries.Select(e => (string)e!["manager"]!));
        Assert.Equal("""{"f:metadata":{"f:labels":{"f:tier":{}}}}""", JsonText.Of(entries[1]!["fieldsV1"]));
    }

    [Fact]
    public void RecordUpdate_CorruptStoredManagedFields_AreDroppedAndTrackingRestarts()
    {
        var live = JsonText.Parse("""{"apiVersion":"v1","kind":"ConfigMap","metadata":{"name":"c","managedFields":[{"operation":"Sideways"}]},"data":{"a":"1"}}""");
        var next = JsonText.Parse("""{"apiVersion":"v1","kind":"ConfigMap","metadata":{"name":"c"},"data":{"a":"2"}}""");

        var updated = FieldManager.RecordUpdate(live, next, "editor", "v1", T0, BuiltInPatchMeta.For("", "v1", "ConfigMap"));

        Assert.Equal("""{"f:data":{"f:a":{}}}""", JsonText.Of(updated["metadata"]!["managedFields"]![0]!["fieldsV1"]));
    }

    [Fact]
    public void RecordUpdate_MoreThanTenUpdaters_FoldsOldestIntoAncientChanges()
    {
        var meta = BuiltInPatchMeta.For("", "v1", "ConfigMap");
        var current = FieldManager.RecordUpdate(null, JsonText.Parse("""{"apiVersion":"v1","kind":"ConfigMap","metadata":{"name":"c","uid":"u"},"data":{}}"""), "creator", "v1", T0, meta);
        for (var i = 0; i < 11; i++)
        {
            var next = (JsonObject)current.DeepClone();
            next["data"]!["k" + i] = "v";
            current = FieldManager.RecordUpdate(current, next, "writer-" + i, "v1", T0.AddMinutes(i + 1), meta);
        }

        var managers = current["metadata"]!["managedFields"]!.AsArray().Select(e => (string)e!["manager"]!).ToList();
        Assert.Equal(10, managers.Count);
        Assert.Equal(FieldManager.AncientChangesManager, managers[0]);
        Assert.DoesNotContain("creator", managers);
        Assert.DoesNotContain("writer-0", managers);
        Assert.DoesNotContain("writer-1", managers);
        Assert.Equal("writer-2", managers[1]);

        // Twelve updaters: the creator, writer-0 and writer-1 are folded together, keeping the newest time.
        var bucket = current["metadata"]!["managedFields"]![0]!;
        Assert.Equal("""{"f:data":{".":{},"f:k0":{},"f:k1":{}}}""", JsonText.Of(bucket["fieldsV1"]));
        Assert.Equal("2026-11-28T06:02:21Z", (string?)bucket["time"]);
    }
}
