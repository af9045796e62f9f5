using System.Text.Json.Nodes;
using Karmada.Api;
using Karmada.Controllers.Binding;
using Karmada.Interpreter;
using static Karmada.Controllers.Tests.Binding.BindingTestObjects;
using WorkV1Alpha1 = Karmada.Api.Work.V1Alpha1;

namespace Karmada.Controllers.Tests.Binding;

public sealed class WorkComparerTests
{
    private static WorkV1Alpha1.Work Desired(params Karmada.Api.Policy.V1Alpha1.OverridePolicy[] overrides) =>
        new WorkRenderer(ResourceInterpreter.CreateDefault())
            .Render(BindingOf(4, ("member1", 4)), Deployment(), Clusters("member1"), overrides, [])
            .Works[0]
            .ToWork("work-id");

    // What the API server hands back: re-serialised, with server fields and others' additions.
    private static WorkV1Alpha1.Work Stored(WorkV1Alpha1.Work work)
    {
        var stored = KarmadaJson.Deserialize<WorkV1Alpha1.Work>(KarmadaJson.Serialize(work));
        stored.Metadata.ResourceVersion = "17";
        stored.Metadata.Uid = "w-uid";
        stored.Metadata.Labels["someone/else"] = "x";
        stored.Status.Conditions.Add(new Karmada.Api.Meta.Condition { Type = "Applied", Status = Karmada.Api.Meta.ConditionStatus.True });
        return stored;
    }

    [Fact]
    public void IsUpToDate_SameContentReadBack_True() => Assert.True(WorkComparer.IsUpToDate(Stored(Desired()), Desired()));

    [Fact]
    public void IsUpToDate_ManifestDiffers_False()
    {
        var stored = Stored(Desired());
        stored.Spec.Workload.Manifests[0]["spec"]!["replicas"] = 3;

        Assert.False(WorkComparer.IsUpToDate(stored, Desired()));
    }

    [Fact]
    public void IsUpToDate_SuspensionDiffers_False()
    {
        var desired = Desired();
        desired.Spec.SuspendDispatching = true;

        Assert.False(WorkComparer.IsUpToDate(Stored(Desired()), desired));
    }

    [Fact]
    public void IsUpToDate_StaleAppliedOverrides_False()
    {
        var stored = Stored(Desired(RegistryOverride("member1")));

        Assert.False(WorkComparer.IsUpToDate(stored, Desired()));
    }

    [Fact]
    public void Merge_KeepsOthersAndResourceVersion_DropsStaleAppliedOverrides()
    {
        var stored = Stored(Desired(RegistryOverride("member1")));

        var merged = WorkComparer.Merge(stored, Desired());

        Assert.Equal("17", merged.Metadata.ResourceVersion);
        Assert.Equal("x", merged.Metadata.Labels["someone/else"]);
        Assert.False(merged.Metadata.Annotations.ContainsKey("policy.karmada.io/applied-overrides"));
        Assert.Equal("docker.io/library/nginx:1.25", Image(merged.Spec.Workload.Manifests[0]));
        Assert.True(WorkComparer.IsUpToDate(merged, Desired()));
    }

    [Fact]
    public void ManifestEquals_PropertyOrderAndNumberSpelling_Ignored()
    {
        var left = JsonNode.Parse("""{"a":1,"b":{"c":[1,2],"d":"x"}}""")!.AsObject();
        var right = JsonNode.Parse("""{"b":{"d":"x","c":[1,2.0]},"a":1}""")!.AsObject();

        Assert.True(WorkComparer.ManifestEquals(left, right));
        right["a"] = 2;
        Assert.False(WorkComparer.ManifestEquals(left, right));
    }
}
