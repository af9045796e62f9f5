using Karmada.Api.Policy.V1Alpha1;
using Karmada.Policy.Overrides;

namespace Karmada.Policy.Tests.Overrides;

public sealed class OverridersApplierTests
{
    [Fact]
    public void Apply_AllOverriders_PlaintextRunsLast()
    {
        var deployment = TestJson.Obj("""
            {"apiVersion":"apps/v1","kind":"Deployment","metadata":{"name":"d","labels":{"app":"d"}},
             "spec":{"template":{"spec":{"containers":[{"name":"app","image":"nginx:1","args":["a"]}]}}}}
            """);
        var overriders = TestJson.Typed<Overriders>("""
            {"plaintext":[{"path":"/metadata/labels/app","operator":"replace","value":"from-plaintext"}],
             "imageOverrider":[{"component":"Tag","operator":"replace","value":"2"}],
             "argsOverrider":[{"containerName":"app","operator":"add","value":["b"]}],
             "labelsOverrider":[{"operator":"replace","value":{"app":"from-labels"}}],
             "annotationsOverrider":[{"operator":"add","value":{"note":"x"}}]}
            """);

        OverridersApplier.Apply(deployment, overriders);

        Assert.Equal("from-plaintext", (string?)deployment["metadata"]!["labels"]!["app"]);
        Assert.Equal("x", (string?)deployment["metadata"]!["annotations"]!["note"]);
        var container = deployment["spec"]!["template"]!["spec"]!["containers"]![0]!;
        Assert.Equal("nginx:2", (string?)container["image"]);
        TestJson.Equal("""["a","b"]""", container["args"]);
    }

    [Fact]
    public void Apply_PlaintextRemoveMissing_Throws()
    {
        var obj = TestJson.Obj("""{"metadata":{}}""");

        Assert.Throws<OverrideException>(() => OverridersApplier.Apply(obj, TestJson.Typed<Overriders>("""{"plaintext":[{"path":"/spec/x","operator":"remove"}]}""")));
    }
}
