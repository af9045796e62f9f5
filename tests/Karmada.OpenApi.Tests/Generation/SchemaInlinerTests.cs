using System.Text.Json.Nodes;
using Karmada.OpenApi.Generation;

namespace Karmada.OpenApi.Tests.Generation;

public sealed class SchemaInlinerTests
{
    private static readonly Dictionary<string, JsonObject> Components = new()
    {
        ["a.Spec"] = Parse("""{"description":"Spec.","type":"object","properties":{"size":{"type":"integer","description":"Size."}}}"""),
        ["a.Node"] = Parse("""{"type":"object","properties":{"children":{"type":"array","items":{"$ref":"#/components/schemas/a.Node"}}}}"""),
    };

    [Fact]
    public void Inline_AllOfWrappedReference_MergesTargetWithSiblings()
    {
        var schema = Parse("""{"type":"object","properties":{"spec":{"description":"Wrapper.","allOf":[{"$ref":"#/components/schemas/a.Spec"}],"default":{}}}}""");

        var inlined = SchemaInliner.Inline(schema, Components.GetValueOrDefault, keepDescriptions: true);

        Assert.Equal(
            """{"type":"object","properties":{"spec":{"description":"Wrapper.","type":"object","properties":{"size":{"type":"integer","description":"Size."}},"default":{}}}}""",
            inlined.ToJsonString());
    }

    [Fact]
    public void Inline_WithoutDescriptions_DropsThem()
    {
        var inlined = SchemaInliner.Inline(Parse("""{"$ref":"#/components/schemas/a.Spec"}"""), Components.GetValueOrDefault);

        Assert.Equal("""{"type":"object","properties":{"size":{"type":"integer"}}}""", inlined.ToJsonString());
    }

    [Fact]
    public void Inline_RecursiveReference_IsCutIntoPreservingObject()
    {
        var inlined = SchemaInliner.Inline(Parse("""{"$ref":"#/components/schemas/a.Node"}"""), Components.GetValueOrDefault);

        Assert.Equal(
            """{"type":"object","properties":{"children":{"type":"array","items":{"type":"object","x-kubernetes-preserve-unknown-fields":true}}}}""",
            inlined.ToJsonString());
    }

    [Fact]
    public void Inline_UnknownReference_BecomesPreservingObject()
    {
        var inlined = SchemaInliner.Inline(Parse("""{"$ref":"#/components/schemas/missing"}"""), Components.GetValueOrDefault);

        Assert.True(inlined["x-kubernetes-preserve-unknown-fields"]!.GetValue<bool>());
    }

    private static JsonObject Parse(string json) => JsonNode.Parse(json)!.AsObject();
}
