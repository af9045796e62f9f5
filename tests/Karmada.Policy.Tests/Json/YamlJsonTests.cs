using Karmada.Policy.Json;

namespace Karmada.Policy.Tests.Json;

public sealed class YamlJsonTests
{
    [Fact]
    public void ToJson_PlainScalars_UseGoYamlTyping()
    {
        var json = YamlJson.ToJson("a: yes\nb: '1'\nc: 0x10\nd: 1.5\ne: ~\nf: text\ng: 010\n1: key\n");

        TestJson.Equal("""{"a":true,"b":"1","c":16,"d":1.5,"e":null,"f":"text","g":8,"1":"key"}""", json);
    }

    [Fact]
    public void ToYaml_Object_SortsKeysNaturallyAndQuotesAmbiguousStrings()
    {
        var yaml = YamlJson.ToYaml(TestJson.Obj("""{"b10":1,"b9":"yes","a":{"list":["x",2.5,null],"empty":{}},"multi":"l1\nl2"}"""));

        Assert.Equal("a:\n  empty: {}\n  list:\n  - x\n  - 2.5\n  - null\nb9: \"yes\"\nb10: 1\nmulti: |-\n  l1\n  l2\n", yaml);
    }

    [Fact]
    public void ToJson_Empty_IsNull()
    {
        Assert.Null(YamlJson.ToJson(""));
    }
}
