using Karmada.Api.Policy.V1Alpha1;
using Karmada.Policy.Overrides;

namespace Karmada.Policy.Tests.Overrides;

public sealed class FieldOverriderApplierTests
{
    [Fact]
    public void Apply_JsonDocument_PatchesAndKeepsKeyOrder()
    {
        var cm = TestJson.Obj("""{"data":{"config.json":"{\"b\":1,\"a\":{\"x\":\"<old>\"}}"}}""");
        var overrider = TestJson.Typed<FieldOverrider>("""
            {"fieldPath":"/data/config.json","json":[{"subPath":"/a/x","operator":"replace","value":"<new>"},{"subPath":"/c","operator":"add","value":[1,2]}]}
            """);

        FieldOverriderApplier.Apply(cm, [overrider]);

        Assert.Equal("""{"b":1,"a":{"x":"\u003cnew\u003e"},"c":[1,2]}""", (string?)cm["data"]!["config.json"]);
    }

    [Fact]
    public void Apply_YamlDocument_PatchesAndWritesSortedBlockYaml()
    {
        var cm = TestJson.Obj("""{"data":{"db.yaml":"name: main\nport: 5432\nhosts:\n- a\n- b\n"}}""");
        var overrider = TestJson.Typed<FieldOverrider>("""
            {"fieldPath":"/data/db.yaml","yaml":[{"subPath":"/port","operator":"replace","value":6543},{"subPath":"/hosts/-","operator":"add","value":"c"},{"subPath":"/enabled","operator":"add","value":"true"}]}
            """);

        FieldOverriderApplier.Apply(cm, [overrider]);

        Assert.Equal("enabled: \"true\"\nhosts:\n- a\n- b\n- c\nname: main\nport: 6543\n", (string?)cm["data"]!["db.yaml"]);
    }

    [Fact]
    public void Apply_PathNotString_Throws()
    {
        var cm = TestJson.Obj("""{"data":{"n":1}}""");
        var overrider = TestJson.Typed<FieldOverrider>("""{"fieldPath":"/data/n","json":[{"subPath":"/a","operator":"remove"}]}""");

        var error = Assert.Throws<OverrideException>(() => FieldOverriderApplier.Apply(cm, [overrider]));

        Assert.Equal("Get object's value by overrider's path(/data/n) is not string", error.Message);
    }

    [Fact]
    public void Apply_PatchTargetMissing_Throws()
    {
        var cm = TestJson.Obj("""{"data":{"c":"{}"}}""");
        var overrider = TestJson.Typed<FieldOverrider>("""{"fieldPath":"/data/c","json":[{"subPath":"/a","operator":"replace","value":1}]}""");

        Assert.Throws<OverrideException>(() => FieldOverriderApplier.Apply(cm, [overrider]));
    }
}
