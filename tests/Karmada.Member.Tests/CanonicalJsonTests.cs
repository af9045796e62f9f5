using System.Text.Json.Nodes;
using Karmada.Member.Simulation;

namespace Karmada.Member.Tests;

/// <summary>The text pod-template hashes are taken of: keys sorted at every level, nothing else changed.</summary>
public sealed class CanonicalJsonTests
{
    [Fact]
    public void Write_SortsKeysAtEveryLevel_AndKeepsArrayOrder()
    {
        var template = JsonNode.Parse("""{"spec":{"containers":[{"name":"b","image":"i"},{"image":"j","name":"a"}]},"metadata":{"labels":{"z":"1","a":"é&<"}}}""");

        Assert.Equal(
            """{"metadata":{"labels":{"a":"\u00E9\u0026\u003C","z":"1"}},"spec":{"containers":[{"image":"i","name":"b"},{"image":"j","name":"a"}]}}""",
            CanonicalJson.Write(template));
    }

    [Fact]
    public void Write_EqualObjectsInAnyOrder_GiveTheSameText_AndTheSameTemplateHash()
    {
        var first = JsonNode.Parse("""{"a":1,"b":{"y":[1,{"q":null,"p":true}],"x":"s"}}""")!.AsObject();
        var second = JsonNode.Parse("""{"b":{"x":"s","y":[1,{"p":true,"q":null}]},"a":1}""")!.AsObject();
        var different = JsonNode.Parse("""{"b":{"x":"s","y":[{"p":true,"q":null},1]},"a":1}""")!.AsObject();

        Assert.Equal(CanonicalJson.Write(first), CanonicalJson.Write(second));
        Assert.Equal(DeploymentController.TemplateHash(first), DeploymentController.TemplateHash(second));
        Assert.NotEqual(CanonicalJson.Write(first), CanonicalJson.Write(different));
        Assert.Equal("null", CanonicalJson.Write(null));
    }
}
