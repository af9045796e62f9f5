using Karmada.Api.Policy.V1Alpha1;
using Karmada.Policy.Overrides;

namespace Karmada.Policy.Tests.Overrides;

public sealed class LabelAnnotationOverriderPatchesTests
{
    [Fact]
    public void Apply_AddWithoutLabels_CreatesMapAndEscapesSlash()
    {
        var obj = TestJson.Obj("""{"apiVersion":"v1","kind":"ConfigMap","metadata":{"name":"c"}}""");
        var overrider = TestJson.Typed<LabelAnnotationOverrider>("""{"operator":"add","value":{"example.com/team":"a"}}""");

        var patches = LabelAnnotationOverriderPatches.Build(obj, overrider, LabelAnnotationOverriderPatches.LabelsField);
        OverridersApplier.ApplyPatches(obj, patches);

        Assert.Equal("/metadata/labels/example.com~1team", Assert.Single(patches).Path);
        TestJson.Equal("""{"example.com/team":"a"}""", obj["metadata"]!["labels"]);
    }

    [Fact]
    public void Build_ReplaceOrRemoveMissingKey_IsSkipped()
    {
        var obj = TestJson.Obj("""{"metadata":{"annotations":{"a":"1"}}}""");

        Assert.Single(LabelAnnotationOverriderPatches.Build(obj, TestJson.Typed<LabelAnnotationOverrider>("""{"operator":"replace","value":{"a":"2","b":"2"}}"""), "annotations"));
        Assert.Empty(LabelAnnotationOverriderPatches.Build(obj, TestJson.Typed<LabelAnnotationOverrider>("""{"operator":"remove","value":{"b":""}}"""), "annotations"));
        Assert.Empty(LabelAnnotationOverriderPatches.Build(obj, TestJson.Typed<LabelAnnotationOverrider>("""{"operator":"remove","value":{"x":""}}"""), "labels"));
    }
}
