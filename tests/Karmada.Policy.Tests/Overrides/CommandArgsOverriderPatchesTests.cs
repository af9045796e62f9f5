using Karmada.Api.Policy.V1Alpha1;
using Karmada.Policy.Overrides;

namespace Karmada.Policy.Tests.Overrides;

public sealed class CommandArgsOverriderPatchesTests
{
    [Fact]
    public void Build_ContainerWithoutArgs_AddsList()
    {
        var pod = TestJson.Obj("""{"apiVersion":"v1","kind":"Pod","spec":{"containers":[{"name":"app"}]}}""");
        var overrider = TestJson.Typed<CommandArgsOverrider>("""{"containerName":"app","operator":"add","value":["--v=2"]}""");

        var patch = Assert.Single(CommandArgsOverriderPatches.Build(CommandArgsOverriderPatches.ArgsField, pod, overrider));

        Assert.Equal("add", patch.Op);
        Assert.Equal("/spec/containers/0/args", patch.Path);
        TestJson.Equal("""["--v=2"]""", patch.Value);
    }

    [Fact]
    public void Build_RemoveEveryOccurrence_ReplacesList()
    {
        var job = TestJson.Obj("""{"apiVersion":"batch/v1","kind":"Job","spec":{"template":{"spec":{"containers":[{"name":"x"},{"name":"app","command":["a","b","a","c"]}]}}}}""");
        var overrider = TestJson.Typed<CommandArgsOverrider>("""{"containerName":"app","operator":"remove","value":["a"]}""");

        var patch = Assert.Single(CommandArgsOverriderPatches.Build(CommandArgsOverriderPatches.CommandField, job, overrider));

        Assert.Equal("replace", patch.Op);
        Assert.Equal("/spec/template/spec/containers/1/command", patch.Path);
        TestJson.Equal("""["b","c"]""", patch.Value);
    }

    [Fact]
    public void Build_NoMatchingContainerOrKind_NoPatches()
    {
        var overrider = TestJson.Typed<CommandArgsOverrider>("""{"containerName":"missing","operator":"add","value":["x"]}""");
        var deployment = TestJson.Obj("""{"apiVersion":"apps/v1","kind":"Deployment","spec":{"template":{"spec":{"containers":[{"name":"app"}]}}}}""");
        var cm = TestJson.Obj("""{"apiVersion":"v1","kind":"ConfigMap"}""");

        Assert.Empty(CommandArgsOverriderPatches.Build(CommandArgsOverriderPatches.CommandField, deployment, overrider));
        Assert.Empty(CommandArgsOverriderPatches.Build(CommandArgsOverriderPatches.CommandField, cm, overrider));
    }
}
