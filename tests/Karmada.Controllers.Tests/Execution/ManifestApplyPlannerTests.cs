using System.Text.Json.Nodes;
using Karmada.Controllers.Execution;
using Karmada.Interpreter;

namespace Karmada.Controllers.Tests.Execution;

public sealed class ManifestApplyPlannerTests
{
    private static readonly ResourceInterpreter Interpreter = ResourceInterpreter.CreateDefault();

    [Fact]
    public void Plan_MissingObject_Creates()
    {
        var desired = ConfigMap(managed: true);

        var plan = ManifestApplyPlanner.Plan("m1", desired, null, null, Interpreter);

        Assert.Equal(ApplyAction.Create, plan.Action);
        Assert.Same(desired, plan.Object);
    }

    [Fact]
    public void Plan_UnmanagedObjectWithoutOverwrite_Conflicts()
    {
        var plan = ManifestApplyPlanner.Plan("m1", ConfigMap(managed: true), Observed(ConfigMap(managed: false)), null, Interpreter);

        Assert.Equal(ApplyAction.Conflict, plan.Action);
        Assert.Equal(
            "resource(kind=ConfigMap, default/cm) already exists in the cluster m1 and the work.karmada.io/conflict-resolution strategy value is empty, Karmada will not manage this resource",
            plan.Message);
    }

    [Fact]
    public void Plan_UnmanagedObjectWithAbort_Conflicts()
    {
        var desired = ConfigMap(managed: true);
        desired["metadata"]!["annotations"]!["work.karmada.io/conflict-resolution"] = "abort";

        Assert.Equal(ApplyAction.Conflict, ManifestApplyPlanner.Plan("m1", desired, Observed(ConfigMap(managed: false)), null, Interpreter).Action);
    }

    [Fact]
    public void Plan_UnmanagedObjectWithOverwrite_TakesOver()
    {
        var desired = ConfigMap(managed: true);
        desired["metadata"]!["annotations"]!["work.karmada.io/conflict-resolution"] = "overwrite";

        var plan = ManifestApplyPlanner.Plan("m1", desired, Observed(ConfigMap(managed: false)), null, Interpreter);

        Assert.Equal(ApplyAction.Update, plan.Action);
        Assert.Equal("true", plan.Object!["metadata"]!["labels"]!["karmada.io/managed"]!.GetValue<string>());
        Assert.Equal("v", plan.Object["data"]!["k"]!.GetValue<string>());
    }

    [Fact]
    public void Plan_ManagedObject_RetainsMemberOwnedMetadata()
    {
        var observed = Observed(ConfigMap(managed: true));
        observed["metadata"]!["labels"]!["member-label"] = "kept";
        observed["metadata"]!["labels"]!["app"] = "changed-in-member";
        observed["metadata"]!["finalizers"] = new JsonArray("member/finalizer");
        observed["metadata"]!["ownerReferences"] = new JsonArray(new JsonObject { ["kind"] = "X", ["name"] = "owner", ["uid"] = "u", ["apiVersion"] = "v1" });

        var plan = ManifestApplyPlanner.Plan("m1", ConfigMap(managed: true), observed, null, Interpreter);

        Assert.Equal(ApplyAction.Update, plan.Action);
        var metadata = plan.Object!["metadata"]!;
        Assert.Equal("7", metadata["resourceVersion"]!.GetValue<string>());
        Assert.Equal("kept", metadata["labels"]!["member-label"]!.GetValue<string>());
        Assert.Equal("web", metadata["labels"]!["app"]!.GetValue<string>());
        Assert.Equal("member/finalizer", metadata["finalizers"]![0]!.GetValue<string>());
        Assert.Equal("owner", metadata["ownerReferences"]![0]!["name"]!.GetValue<string>());
    }

    [Fact]
    public void Plan_LabelKarmadaStoppedManaging_IsNotRetained()
    {
        var desired = ConfigMap(managed: true);
        desired["metadata"]!["annotations"]!["resourcetemplate.karmada.io/managed-labels"] = "app,karmada.io/managed";
        var observed = Observed(ConfigMap(managed: true));
        observed["metadata"]!["labels"]!["old"] = "x";
        observed["metadata"]!["annotations"]!["resourcetemplate.karmada.io/managed-labels"] = "app,karmada.io/managed,old";

        var plan = ManifestApplyPlanner.Plan("m1", desired, observed, null, Interpreter);

        Assert.Null(plan.Object!["metadata"]!["labels"]!["old"]);
    }

    [Fact]
    public void Plan_ObjectAsLastApplied_DoesNothing()
    {
        var desired = ConfigMap(managed: true);
        var observed = Observed(ConfigMap(managed: true));

        var plan = ManifestApplyPlanner.Plan("m1", desired, observed, AppliedVersion.Of(desired, observed), Interpreter);

        Assert.Equal(ApplyAction.None, plan.Action);
    }

    [Fact]
    public void Plan_ObjectChangedInMember_Updates()
    {
        var desired = ConfigMap(managed: true);
        var applied = AppliedVersion.Of(desired, Observed(ConfigMap(managed: true)));
        var drifted = Observed(ConfigMap(managed: true));
        drifted["metadata"]!["resourceVersion"] = "8";
        drifted["data"]!["k"] = "edited";

        var plan = ManifestApplyPlanner.Plan("m1", desired, drifted, applied, Interpreter);

        Assert.Equal(ApplyAction.Update, plan.Action);
        Assert.Equal("v", plan.Object!["data"]!["k"]!.GetValue<string>());
        Assert.Equal("8", plan.Object["metadata"]!["resourceVersion"]!.GetValue<string>());
    }

    [Fact]
    public void Plan_ManifestChanged_Updates()
    {
        var observed = Observed(ConfigMap(managed: true));
        var applied = AppliedVersion.Of(ConfigMap(managed: true), observed);
        var desired = ConfigMap(managed: true);
        desired["data"]!["k"] = "new";

        Assert.Equal(ApplyAction.Update, ManifestApplyPlanner.Plan("m1", desired, observed, applied, Interpreter).Action);
    }

    [Fact]
    public void Plan_GenerationObjectWithSameGenerationButEditedLabel_Updates()
    {
        var desired = Deployment(replicas: 2);
        var observed = Observed(Deployment(replicas: 2));
        observed["metadata"]!["generation"] = 3;
        var applied = AppliedVersion.Of(desired, observed);
        Assert.Equal(ApplyAction.None, ManifestApplyPlanner.Plan("m1", desired, observed, applied, Interpreter).Action);

        // A status write bumps the resourceVersion, not the generation: still in step.
        observed["metadata"]!["resourceVersion"] = "99";
        observed["status"] = new JsonObject { ["readyReplicas"] = 2 };
        Assert.Equal(ApplyAction.None, ManifestApplyPlanner.Plan("m1", desired, observed, applied, Interpreter).Action);

        observed["metadata"]!["labels"]!["app"] = "edited";
        Assert.Equal(ApplyAction.Update, ManifestApplyPlanner.Plan("m1", desired, observed, applied, Interpreter).Action);
    }

    [Fact]
    public void Plan_DeploymentWithRetainReplicas_KeepsMemberReplicas()
    {
        var desired = Deployment(replicas: 2);
        desired["metadata"]!["labels"]!["resourcetemplate.karmada.io/retain-replicas"] = "true";
        var observed = Observed(Deployment(replicas: 5));

        var plan = ManifestApplyPlanner.Plan("m1", desired, observed, null, Interpreter);

        Assert.Equal(5, plan.Object!["spec"]!["replicas"]!.GetValue<int>());
    }

    [Fact]
    public void Plan_Service_KeepsAllocatedClusterIp()
    {
        var desired = JsonNode.Parse("""
            {"apiVersion":"v1","kind":"Service","metadata":{"name":"svc","namespace":"default","labels":{"karmada.io/managed":"true"}},
             "spec":{"ports":[{"port":80}]}}
            """)!.AsObject();
        var observed = Observed(desired.DeepClone().AsObject());
        observed["spec"]!["clusterIP"] = "10.0.0.12";

        var plan = ManifestApplyPlanner.Plan("m1", desired, observed, null, Interpreter);

        Assert.Equal("10.0.0.12", plan.Object!["spec"]!["clusterIP"]!.GetValue<string>());
    }

    internal static JsonObject ConfigMap(bool managed)
    {
        var cm = JsonNode.Parse("""
            {"apiVersion":"v1","kind":"ConfigMap","metadata":{"name":"cm","namespace":"default","labels":{"app":"web"},"annotations":{}},
             "data":{"k":"v"}}
            """)!.AsObject();
        if (managed)
        {
            cm["metadata"]!["labels"]!["karmada.io/managed"] = "true";
            cm["metadata"]!["annotations"]!["work.karmada.io/namespace"] = "karmada-es-m1";
            cm["metadata"]!["annotations"]!["work.karmada.io/name"] = "w";
        }

        return cm;
    }

    internal static JsonObject Deployment(int replicas) => JsonNode.Parse("""
        {"apiVersion":"apps/v1","kind":"Deployment",
         "metadata":{"name":"web","namespace":"default","labels":{"app":"web","karmada.io/managed":"true"},
                     "annotations":{"work.karmada.io/namespace":"karmada-es-m1","work.karmada.io/name":"w","resourcetemplate.karmada.io/generation":"1"}},
         "spec":{"replicas":__REPLICAS__,"selector":{"matchLabels":{"app":"web"}},
                 "template":{"metadata":{"labels":{"app":"web"}},"spec":{"containers":[{"name":"app","image":"nginx"}]}}}}
        """.Replace("__REPLICAS__", replicas.ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal))!.AsObject();

    /// <summary>The object as the member serves it: with a uid and resourceVersion.</summary>
    private static JsonObject Observed(JsonObject obj)
    {
        obj["metadata"]!["uid"] = "uid-1";
        obj["metadata"]!["resourceVersion"] = "7";
        return obj;
    }
}
