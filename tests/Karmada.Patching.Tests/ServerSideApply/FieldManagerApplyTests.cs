using System.Text.Json.Nodes;
using Karmada.Patching.Schema;
using Karmada.Patching.ServerSideApply;

namespace Karmada.Patching.Tests.ServerSideApply;

public sealed class FieldManagerApplyTests
{
    private static readonly DateTimeOffset T0 = new(2026, 11, 28, 6, 0, 21, TimeSpan.Zero);
    private static readonly PatchMeta Meta = BuiltInPatchMeta.For("apps", "v1", "Deployment");

    [Fact]
    public void Apply_NoLiveObject_CreatesItWithApplyEntry()
    {
        var result = FieldManager.Apply(null, Config(replicas: 3), "kubectl", force: false, T0, Meta);

        Assert.True(result.Succeeded);
        Assert.True(result.Created);
        Assert.Equal(3, (int?)result.Object!["spec"]!["replicas"]);
        var entry = Assert.Single(result.Object["metadata"]!["managedFields"]!.AsArray())!;
        Assert.Equal(
            """{"manager":"kubectl","operation":"Apply","apiVersion":"apps/v1","time":"2026-11-28T06:00:21Z","fieldsType":"FieldsV1","fieldsV1":{"f:metadata":{"f:labels":{"f:app":{}}},"f:spec":{"f:replicas":{},"f:selector":{},"f:template":{"f:metadata":{"f:labels":{"f:app":{}}},"f:spec":{"f:containers":{"k:{\"name\":\"nginx\"}":{".":{},"f:image":{},"f:name":{},"f:ports":{"k:{\"containerPort\":80,\"protocol\":\"TCP\"}":{".":{},"f:containerPort":{}}}}}}}}}}""",
            JsonText.Of(entry));
    }

    [Fact]
    public void Apply_FieldDroppedFromConfig_IsRemovedWhenNobodyElseOwnsIt()
    {
        var created = Applied(null, Config(replicas: 3), "kubectl");

        var result = FieldManager.Apply(created, Config(replicas: null), "kubectl", false, T0.AddMinutes(1), Meta);

        Assert.False(result.Object!["spec"]!.AsObject().ContainsKey("replicas"));
        Assert.Null(result.Object["metadata"]!["managedFields"]![0]!["fieldsV1"]!["f:spec"]!["f:replicas"]);
    }

    [Fact]
    public void Apply_FieldDroppedFromConfig_IsKeptWhileAnotherManagerOwnsIt()
    {
        var created = Applied(null, Config(replicas: 3), "kubectl");
        var shared = Applied(created, Config(replicas: 3), "other");

        var result = FieldManager.Apply(shared, Config(replicas: null), "kubectl", false, T0.AddMinutes(2), Meta);

        Assert.Equal(3, (int?)result.Object!["spec"]!["replicas"]);
        var kubectl = Entry(result.Object, "kubectl");
        Assert.Null(kubectl["fieldsV1"]!["f:spec"]!["f:replicas"]);
        Assert.NotNull(Entry(result.Object, "other")["fieldsV1"]!["f:spec"]!["f:replicas"]);
    }

    [Fact]
    public void Apply_ListItemDroppedFromConfig_IsRemoved()
    {
        var twoContainers = Config(replicas: 1);
        twoContainers["spec"]!["template"]!["spec"]!["containers"]!.AsArray().Add(JsonText.Parse("""{"name":"sidecar","image":"busybox"}"""));
        var created = Applied(null, twoContainers, "kubectl");

        var result = FieldManager.Apply(created, Config(replicas: 1), "kubectl", false, T0.AddMinutes(1), Meta);

        var containers = result.Object!["spec"]!["template"]!["spec"]!["containers"]!.AsArray();
        Assert.Equal(["nginx"], containers.Select(c => (string)c!["name"]!));
    }

    [Fact]
    public void Apply_SameValueAsOtherManager_SharesOwnershipWithoutConflict()
    {
        var created = Applied(null, Config(replicas: 3), "a");

        var result = FieldManager.Apply(created, Config(replicas: 3), "b", false, T0.AddMinutes(1), Meta);

        Assert.True(result.Succeeded);
        Assert.NotNull(Entry(result.Object!, "a")["fieldsV1"]!["f:spec"]!["f:replicas"]);
        Assert.NotNull(Entry(result.Object!, "b")["fieldsV1"]!["f:spec"]!["f:replicas"]);
    }

    [Fact]
    public void Apply_TwoAppliersDisagree_ReportsConflictWithUpstreamMessage()
    {
        var created = Applied(null, Config(replicas: 3), "a");

        var result = FieldManager.Apply(created, Config(replicas: 5), "b", false, T0.AddMinutes(1), Meta);

        Assert.False(result.Succeeded);
        Assert.Null(result.Object);
        Assert.Equal("""Apply failed with 1 conflict: conflict with "a": .spec.replicas""", result.ConflictMessage);
        var conflict = Assert.Single(result.Conflicts);
        Assert.Equal(new FieldConflict("a", "Apply", null, null, ".spec.replicas", "conflict with \"a\""), conflict);
    }

    [Fact]
    public void Apply_ConflictWithClientSideApply_NamesManagerAndVersion()
    {
        var live = CreatedByClientSideApply(replicas: 3, withLastApplied: false);

        var result = FieldManager.Apply(live, Config(replicas: 5), "ci-bot", false, T0.AddMinutes(1), Meta);

        Assert.Equal("""Apply failed with 1 conflict: conflict with "kubectl-client-side-apply" using apps/v1: .spec.replicas""", result.ConflictMessage);
        var conflict = Assert.Single(result.Conflicts);
        Assert.Equal(".spec.replicas", conflict.Field);
        Assert.Equal("""conflict with "kubectl-client-side-apply" using apps/v1""", conflict.Message);
    }

    [Fact]
    public void Apply_Force_TransfersOwnership()
    {
        var created = Applied(null, Config(replicas: 3), "a");

        var result = FieldManager.Apply(created, Config(replicas: 5), "b", force: true, T0.AddMinutes(1), Meta);

        Assert.True(result.Succeeded);
        Assert.Equal(5, (int?)result.Object!["spec"]!["replicas"]);
        Assert.Null(Entry(result.Object, "a")["fieldsV1"]!["f:spec"]!["f:replicas"]);
        Assert.NotNull(Entry(result.Object, "b")["fieldsV1"]!["f:spec"]!["f:replicas"]);
    }

    [Fact]
    public void Apply_AfterUpdateManagerChangedField_ConflictsWithUpdater()
    {
        var applied = Applied(null, Config(replicas: 3), "kubectl");
        var edited = (JsonObject)applied.DeepClone();
        edited["spec"]!["replicas"] = 4;
        edited = FieldManager.RecordUpdate(applied, edited, "kubectl-edit", "apps/v1", T0.AddMinutes(1), Meta);
        Assert.Null(Entry(edited, "kubectl")["fieldsV1"]!["f:spec"]!["f:replicas"]);

        var result = FieldManager.Apply(edited, Config(replicas: 3), "kubectl", false, T0.AddMinutes(2), Meta);

        Assert.Equal("""Apply failed with 1 conflict: conflict with "kubectl-edit" using apps/v1: .spec.replicas""", result.ConflictMessage);
    }

    [Fact]
    public void Apply_SeveralConflicts_GroupsThemByManager()
    {
        var created = Applied(null, Config(replicas: 3), "a");
        var edited = (JsonObject)created.DeepClone();
        edited["spec"]!["template"]!["spec"]!["containers"]![0]!["image"] = "nginx:edited";
        edited = FieldManager.RecordUpdate(created, edited, "kubectl-edit", "apps/v1", T0.AddMinutes(1), Meta);

        var result = FieldManager.Apply(edited, Config(replicas: 5, image: "nginx:1.27"), "b", false, T0.AddMinutes(2), Meta);

        Assert.Equal(
            "Apply failed with 2 conflicts: conflicts with \"a\":\n- .spec.replicas\nconflicts with \"kubectl-edit\" using apps/v1:\n- .spec.template.spec.containers[name=\"nginx\"].image",
            result.ConflictMessage);
        Assert.Equal(2, result.Conflicts.Count);
    }

    [Fact]
    public void Apply_ClientSideApplyObjectMigratedByKubectl_TakesOverUnchangedFields()
    {
        var live = CreatedByClientSideApply(replicas: 3, withLastApplied: true);

        var result = FieldManager.Apply(live, Config(replicas: 5), "kubectl", false, T0.AddMinutes(1), Meta);

        Assert.True(result.Succeeded, result.ConflictMessage);
        Assert.Equal(5, (int?)result.Object!["spec"]!["replicas"]);
        Assert.NotNull(Entry(result.Object, "kubectl")["fieldsV1"]!["f:spec"]!["f:replicas"]);
        Assert.Null(Entry(result.Object, "kubectl-client-side-apply")["fieldsV1"]!["f:spec"]!["f:replicas"]);

        // kubectl's server-side apply keeps the client-side annotation in step with what it applied.
        var annotation = (string)result.Object["metadata"]!["annotations"]![FieldManager.LastAppliedConfigAnnotation]!;
        Assert.EndsWith("\n", annotation, StringComparison.Ordinal);
        Assert.Equal(5, (int?)JsonNode.Parse(annotation)!["spec"]!["replicas"]);
        Assert.StartsWith("""{"apiVersion":"apps/v1","kind":"Deployment","metadata":{""", annotation, StringComparison.Ordinal);
    }

    [Fact]
    public void Apply_LastAppliedTooLarge_DropsAnnotation()
    {
        var live = CreatedByClientSideApply(replicas: 3, withLastApplied: true);
        var config = Config(replicas: 3);
        config["metadata"]!["annotations"] = new JsonObject { ["bulk"] = new string('x', 200 * 1024) };

        var result = FieldManager.Apply(live, config, "kubectl", false, T0.AddMinutes(1), Meta);

        var annotations = result.Object!["metadata"]!["annotations"]!.AsObject();
        Assert.True(annotations.ContainsKey("bulk"));
        Assert.False(annotations.ContainsKey(FieldManager.LastAppliedConfigAnnotation));
    }

    [Fact]
    public void Apply_ClientSideApplyFieldChangedSince_StillConflicts()
    {
        var live = CreatedByClientSideApply(replicas: 3, withLastApplied: true);
        var scaled = (JsonObject)live.DeepClone();
        scaled["spec"]!["replicas"] = 4;
        scaled = FieldManager.RecordUpdate(live, scaled, "kubectl-scale", "apps/v1", T0.AddMinutes(1), Meta);

        var result = FieldManager.Apply(scaled, Config(replicas: 5), "kubectl", false, T0.AddMinutes(2), Meta);

        Assert.Equal("""Apply failed with 1 conflict: conflict with "kubectl-scale" using apps/v1: .spec.replicas""", result.ConflictMessage);
    }

    [Fact]
    public void Apply_ClientSideApplyObjectAppliedByOtherManager_GetsNoMigrationAllowance()
    {
        var live = CreatedByClientSideApply(replicas: 3, withLastApplied: true);

        var result = FieldManager.Apply(live, Config(replicas: 5), "my-operator", false, T0.AddMinutes(1), Meta);

        Assert.False(result.Succeeded);
    }

    [Fact]
    public void Apply_ObjectWithoutManagedFields_OwnsExistingFieldsAsBeforeFirstApply()
    {
        var legacy = Config(replicas: 3);
        legacy["metadata"]!["uid"] = "u";

        var result = FieldManager.Apply(legacy, Config(replicas: 5), "kubectl", false, T0, Meta);

        Assert.Equal("""Apply failed with 1 conflict: conflict with "before-first-apply" using apps/v1: .spec.replicas""", result.ConflictMessage);
    }

    [Fact]
    public void Apply_UnchangedObject_KeepsEntryTime()
    {
        var created = Applied(null, Config(replicas: 3), "kubectl");

        var result = FieldManager.Apply(created, Config(replicas: 3), "kubectl", false, T0.AddHours(1), Meta);

        Assert.Equal("2026-11-28T06:00:21Z", (string?)Entry(result.Object!, "kubectl")["time"]);
        Assert.False(result.Created);
    }

    [Fact]
    public void Apply_StatusInConfigOnMainResource_IsIgnored()
    {
        var created = Applied(null, Config(replicas: 3), "kubectl");
        created["status"] = JsonText.Parse("""{"replicas":3}""");
        var config = Config(replicas: 3);
        config["status"] = JsonText.Parse("""{"replicas":7}""");

        var result = FieldManager.Apply(created, config, "kubectl", false, T0.AddMinutes(1), Meta);

        Assert.Equal(3, (int?)result.Object!["status"]!["replicas"]);
        Assert.Null(Entry(result.Object, "kubectl")["fieldsV1"]!["f:status"]);
    }

    [Fact]
    public void Apply_StatusSubresource_OwnsOnlyStatus()
    {
        var created = Applied(null, Config(replicas: 3), "kubectl");
        var config = JsonText.Parse("""{"apiVersion":"apps/v1","kind":"Deployment","metadata":{"name":"web"},"spec":{"replicas":9},"status":{"replicas":3}}""");

        var result = FieldManager.Apply(created, config, "controller", false, T0.AddMinutes(1), Meta, ManagedFieldsScope.Status);

        Assert.Equal(3, (int?)result.Object!["spec"]!["replicas"]);
        Assert.Equal(3, (int?)result.Object["status"]!["replicas"]);
        var entry = Entry(result.Object, "controller");
        Assert.Equal("status", (string?)entry["subresource"]);
        Assert.Equal("""{"f:status":{"f:replicas":{}}}""", JsonText.Of(entry["fieldsV1"]));
    }

    [Fact]
    public void Apply_FinalizersAndLabels_AreOwnedPerItem()
    {
        var config = Config(replicas: 1);
        config["metadata"]!["finalizers"] = new JsonArray("example.com/a");

        var created = Applied(null, config, "kubectl");

        Assert.Equal(
            """{"f:app":{}}""",
            JsonText.Of(Entry(created, "kubectl")["fieldsV1"]!["f:metadata"]!["f:labels"]));
        Assert.Equal(
            """{"v:\"example.com/a\"":{}}""",
            JsonText.Of(Entry(created, "kubectl")["fieldsV1"]!["f:metadata"]!["f:finalizers"]));
    }

    [Fact]
    public void Apply_KeyedListOrder_FollowsConfigForSharedItems()
    {
        var live = Config(replicas: 1);
        live["spec"]!["template"]!["spec"]!["containers"] = new JsonArray(
            JsonText.Parse("""{"name":"a","image":"x"}"""),
            JsonText.Parse("""{"name":"b","image":"x"}"""),
            JsonText.Parse("""{"name":"c","image":"x"}"""));
        var created = Applied(null, live, "kubectl");
        var config = Config(replicas: 1);
        config["spec"]!["template"]!["spec"]!["containers"] = new JsonArray(
            JsonText.Parse("""{"name":"c","image":"y"}"""),
            JsonText.Parse("""{"name":"a","image":"y"}"""),
            JsonText.Parse("""{"name":"b","image":"y"}"""));

        var result = FieldManager.Apply(created, config, "kubectl", false, T0.AddMinutes(1), Meta);

        var names = result.Object!["spec"]!["template"]!["spec"]!["containers"]!.AsArray().Select(c => (string)c!["name"]!);
        Assert.Equal(["c", "a", "b"], names);
    }

    [Fact]
    public void Apply_SecondApplierAddsContainer_EachOwnsItsItem()
    {
        var created = Applied(null, Config(replicas: 1), "kubectl");
        var sidecar = JsonText.Parse("""{"apiVersion":"apps/v1","kind":"Deployment","metadata":{"name":"web"},"spec":{"template":{"spec":{"containers":[{"name":"sidecar","image":"busybox"}]}}}}""");
        var withSidecar = Applied(created, sidecar, "injector");

        var removed = FieldManager.Apply(
            withSidecar,
            JsonText.Parse("""{"apiVersion":"apps/v1","kind":"Deployment","metadata":{"name":"web"}}"""),
            "injector",
            false,
            T0.AddMinutes(2),
            Meta);

        var names = (JsonObject obj) => obj["spec"]!["template"]!["spec"]!["containers"]!.AsArray().Select(c => (string)c!["name"]!);
        Assert.Equal(["nginx", "sidecar"], names(withSidecar));
        Assert.Equal(
            """{"f:spec":{"f:template":{"f:spec":{"f:containers":{"k:{\"name\":\"sidecar\"}":{".":{},"f:image":{},"f:name":{}}}}}}}""",
            JsonText.Of(Entry(withSidecar, "injector")["fieldsV1"]));
        Assert.Equal(["nginx"], names(removed.Object!));
        Assert.DoesNotContain(removed.Object!["metadata"]!["managedFields"]!.AsArray(), e => (string?)e!["manager"] == "injector");
    }

    [Fact]
    public void Apply_KindWithoutStatusSubresource_OwnsStatus()
    {
        var config = JsonText.Parse("""{"apiVersion":"example.com/v1","kind":"Widget","metadata":{"name":"w"},"status":{"phase":"Ready"}}""");

        var result = FieldManager.Apply(null, config, "kubectl", false, T0, BuiltInPatchMeta.Generic, ManagedFieldsScope.MainResourceWithStatus);

        Assert.Equal("Ready", (string?)result.Object!["status"]!["phase"]);
        Assert.Equal("""{"f:status":{"f:phase":{}}}""", JsonText.Of(Entry(result.Object, "kubectl")["fieldsV1"]));
    }

    [Fact]
    public void Apply_ConfigWithManagedFields_ThrowsBadRequest()
    {
        var config = Config(replicas: 1);
        config["metadata"]!["managedFields"] = new JsonArray();

        var error = Assert.Throws<PatchException>(() => FieldManager.Apply(null, config, "kubectl", false, T0, Meta));

        Assert.Equal(400, error.StatusCode);
        Assert.Equal("metadata.managedFields must be nil", error.Message);
    }

    [Fact]
    public void Apply_DuplicateContainerNames_ThrowsLikeUpstream()
    {
        var config = Config(replicas: 1);
        config["spec"]!["template"]!["spec"]!["containers"]!.AsArray().Add(JsonText.Parse("""{"name":"nginx","image":"other"}"""));

        var error = Assert.Throws<PatchException>(() => FieldManager.Apply(null, config, "kubectl", false, T0, Meta));

        Assert.Equal(500, error.StatusCode);
        Assert.Equal(
            """failed to create typed patch object (apps/v1, Kind=Deployment /web): .spec.template.spec.containers: duplicate entries for key [name="nginx"]""",
            error.Message);
    }

    [Fact]
    public void Apply_ContainerWithoutName_ThrowsLikeUpstream()
    {
        var config = Config(replicas: 1);
        config["spec"]!["template"]!["spec"]!["containers"]![0]!.AsObject().Remove("name");

        var error = Assert.Throws<PatchException>(() => FieldManager.Apply(null, config, "kubectl", false, T0, Meta));

        Assert.EndsWith(
            """.spec.template.spec.containers: element 0: associative list with keys has an element that omits key field "name" (and doesn't have default value)""",
            error.Message,
            StringComparison.Ordinal);
    }

    [Fact]
    public void Apply_CorruptStoredManagedFields_ThrowsInternal()
    {
        var live = Config(replicas: 1);
        live["metadata"]!["managedFields"] = JsonNode.Parse("""[{"manager":"x","operation":"Update","fieldsType":"FieldsV1"}]""");

        var error = Assert.Throws<PatchException>(() => FieldManager.Apply(live, Config(replicas: 1), "kubectl", false, T0, Meta));

        Assert.Equal("failed to decode managed fields: apiVersion must not be empty", error.Message);
    }

    // An applied configuration like `kubectl apply --server-side` sends.
    private static JsonObject Config(int? replicas, string image = "nginx:1.25")
    {
        var config = JsonText.Parse($$$$$"""
            {"apiVersion":"apps/v1","kind":"Deployment","metadata":{"name":"web","labels":{"app":"web"}},
             "spec":{"selector":{"matchLabels":{"app":"web"}},
                     "template":{"metadata":{"labels":{"app":"web"}},
                                 "spec":{"containers":[{"name":"nginx","image":"{{{{{image}}}}}","ports":[{"containerPort":80}]}]}}}}
            """);
        if (replicas is { } count)
        {
            config["spec"]!["replicas"] = count;
        }

        return config;
    }

    private static JsonObject Applied(JsonObject? live, JsonObject config, string manager)
    {
        var result = FieldManager.Apply(live, config, manager, false, T0, Meta);
        Assert.True(result.Succeeded, result.ConflictMessage);
        return result.Object!;
    }

    // `kubectl apply` (client-side) creating the object: the config plus its last-applied annotation.
    private static JsonObject CreatedByClientSideApply(int replicas, bool withLastApplied)
    {
        var config = Config(replicas);
        if (withLastApplied)
        {
            config["metadata"]!["annotations"] = new JsonObject
            {
                [FieldManager.LastAppliedConfigAnnotation] = Config(replicas).ToJsonString() + "\n",
            };
        }

        var stored = (JsonObject)config.DeepClone();
        stored["metadata"]!["uid"] = "u";
        return FieldManager.RecordUpdate(null, stored, "kubectl-client-side-apply", "apps/v1", T0, Meta);
    }

    private static JsonObject Entry(JsonObject obj, string manager) =>
        obj["metadata"]!["managedFields"]!.AsArray().Single(e => (string?)e!["manager"] == manager)!.AsObject();
}
