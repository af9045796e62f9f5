using System.Text.Json.Nodes;
using Karmada.OpenApi.Structural;

namespace Karmada.OpenApi.Tests.Structural;

public sealed class SchemaDefaulterTests
{
    private static readonly JsonObject Schema = JsonNode.Parse("""
        {
          "type": "object",
          "properties": {
            "spec": {
              "type": "object",
              "default": {},
              "properties": {
                "replicas": { "type": "integer", "default": 1 },
                "mode": { "type": "string", "default": "fast" },
                "note": { "type": "string", "nullable": true, "default": "n" },
                "strategy": {
                  "type": "object",
                  "default": { "type": "Rolling" },
                  "properties": {
                    "type": { "type": "string" },
                    "maxSurge": { "type": "integer", "default": 25 }
                  }
                },
                "ports": {
                  "type": "array",
                  "items": {
                    "type": "object",
                    "default": { "name": "unnamed" },
                    "properties": { "name": { "type": "string" }, "protocol": { "type": "string", "default": "TCP" } }
                  }
                },
                "labels": { "type": "object", "additionalProperties": { "type": "string", "default": "x" } }
              }
            }
          }
        }
        """)!.AsObject();

    [Fact]
    public void Apply_AbsentObject_GetsDefaultAndDefaultsInsideIt()
    {
        var value = JsonNode.Parse("{}");

        SchemaDefaulter.Apply(value, Schema);

        Assert.Equal(
            """{"spec":{"replicas":1,"mode":"fast","note":"n","strategy":{"type":"Rolling","maxSurge":25}}}""",
            value!.ToJsonString());
    }

    [Fact]
    public void Apply_PresentFields_AreKept()
    {
        var value = JsonNode.Parse("""{"spec":{"replicas":3,"mode":"slow","note":"mine","strategy":{"type":"Recreate"}}}""");

        SchemaDefaulter.Apply(value, Schema);

        Assert.Equal(3, value!["spec"]!["replicas"]!.GetValue<int>());
        Assert.Equal("slow", value["spec"]!["mode"]!.GetValue<string>());
        Assert.Equal("""{"type":"Recreate","maxSurge":25}""", value["spec"]!["strategy"]!.ToJsonString());
    }

    [Fact]
    public void Apply_NonNullableNull_IsReplacedButNullableNullIsKept()
    {
        var value = JsonNode.Parse("""{"spec":{"replicas":null,"note":null}}""");

        SchemaDefaulter.Apply(value, Schema);

        Assert.Equal(1, value!["spec"]!["replicas"]!.GetValue<int>());
        Assert.True(value["spec"]!.AsObject().ContainsKey("note"));
        Assert.Null(value["spec"]!["note"]);
    }

    [Fact]
    public void Apply_ListItems_DefaultsFieldsAndNullItems()
    {
        var value = JsonNode.Parse("""{"spec":{"ports":[{"name":"http"},null,{"name":"dns","protocol":"UDP"}]}}""");

        SchemaDefaulter.Apply(value, Schema);

        Assert.Equal(
            """[{"name":"http","protocol":"TCP"},{"name":"unnamed","protocol":"TCP"},{"name":"dns","protocol":"UDP"}]""",
            value!["spec"]!["ports"]!.ToJsonString());
    }

    [Fact]
    public void Apply_AdditionalPropertiesNull_GetsDefault()
    {
        var value = JsonNode.Parse("""{"spec":{"labels":{"a":null,"b":"kept"}}}""");

        SchemaDefaulter.Apply(value, Schema);

        Assert.Equal("""{"a":"x","b":"kept"}""", value!["spec"]!["labels"]!.ToJsonString());
    }

    [Fact]
    public void Apply_Defaults_AreCopiedNotShared()
    {
        var first = JsonNode.Parse("{}");
        var second = JsonNode.Parse("{}");
        SchemaDefaulter.Apply(first, Schema);
        SchemaDefaulter.Apply(second, Schema);

        first!["spec"]!["strategy"]!["type"] = "changed";

        Assert.Equal("Rolling", second!["spec"]!["strategy"]!["type"]!.GetValue<string>());
        Assert.Equal("Rolling", Schema["properties"]!["spec"]!["properties"]!["strategy"]!["default"]!["type"]!.GetValue<string>());
    }
}
