using System.Text.Json.Nodes;
using Karmada.OpenApi.Structural;

namespace Karmada.OpenApi.Tests.Structural;

public sealed class SchemaPrunerTests
{
    private static readonly JsonObject Schema = JsonNode.Parse("""
        {
          "type": "object",
          "properties": {
            "spec": {
              "type": "object",
              "properties": {
                "size": { "type": "integer" },
                "title": { "type": "string" },
                "comment": { "type": "string", "nullable": true },
                "items": { "type": "array", "items": { "type": "object", "properties": { "name": { "type": "string" } } } },
                "labels": { "type": "object", "additionalProperties": { "type": "object", "properties": { "v": { "type": "string" } } } },
                "raw": {
                  "type": "object",
                  "x-kubernetes-preserve-unknown-fields": true,
                  "properties": { "known": { "type": "object", "properties": { "a": { "type": "string" } } } }
                },
                "template": {
                  "type": "object",
                  "x-kubernetes-embedded-resource": true,
                  "properties": { "spec": { "type": "object", "properties": { "x": { "type": "string" } } } }
                }
              }
            }
          }
        }
        """)!.AsObject();

    [Fact]
    public void Prune_UnknownFields_AreRemovedAndReportedAsStrictDecodingPaths()
    {
        var value = JsonNode.Parse("""{"spec":{"size":1,"foo":true,"items":[{"name":"a","bar":1}]},"extra":{}}""");

        var pruned = SchemaPruner.Prune(value, Schema);

        Assert.Equal(["extra", "spec.foo", "spec.items[0].bar"], pruned);
        Assert.Equal("""{"spec":{"size":1,"items":[{"name":"a"}]}}""", value!.ToJsonString());
    }

    [Fact]
    public void Prune_RootTypeMeta_IsKeptAndMetadataIsPrunedToObjectMeta()
    {
        var value = JsonNode.Parse("""
            {"apiVersion":"example.com/v1","kind":"Widget","metadata":{"name":"w","labels":{"a":"b"},"foo":1,"ownerReferences":[{"name":"o","bogus":2}]},"spec":{}}
            """);

        var pruned = SchemaPruner.Prune(value, Schema);

        Assert.Equal(["metadata.foo", "metadata.ownerReferences[0].bogus"], pruned);
        Assert.Equal(
            """{"apiVersion":"example.com/v1","kind":"Widget","metadata":{"name":"w","labels":{"a":"b"},"ownerReferences":[{"name":"o"}]},"spec":{}}""",
            value!.ToJsonString());
    }

    [Fact]
    public void Prune_PreserveUnknownFields_KeepsUnknownButPrunesSpecifiedProperties()
    {
        var value = JsonNode.Parse("""{"spec":{"raw":{"anything":{"deep":1},"known":{"a":"x","b":"y"}}}}""");

        var pruned = SchemaPruner.Prune(value, Schema);

        Assert.Equal(["spec.raw.known.b"], pruned);
        Assert.Equal("""{"anything":{"deep":1},"known":{"a":"x"}}""", value!["spec"]!["raw"]!.ToJsonString());
    }

    [Fact]
    public void Prune_EmbeddedResource_KeepsTypeMetaAndPrunesItsMetadata()
    {
        var value = JsonNode.Parse("""
            {"spec":{"template":{"apiVersion":"v1","kind":"Pod","metadata":{"name":"p","bogus":1},"spec":{"x":"y","z":1},"other":2}}}
            """);

        var pruned = SchemaPruner.Prune(value, Schema);

        Assert.Equal(["spec.template.metadata.bogus", "spec.template.other", "spec.template.spec.z"], pruned);
        Assert.Equal("""{"apiVersion":"v1","kind":"Pod","metadata":{"name":"p"},"spec":{"x":"y"}}""", value!["spec"]!["template"]!.ToJsonString());
    }

    [Fact]
    public void Prune_AdditionalProperties_KeepsKeysAndPrunesValues()
    {
        var value = JsonNode.Parse("""{"spec":{"labels":{"one":{"v":"1","w":"2"}}}}""");

        var pruned = SchemaPruner.Prune(value, Schema);

        Assert.Equal(["spec.labels.one.w"], pruned);
        Assert.Equal("""{"one":{"v":"1"}}""", value!["spec"]!["labels"]!.ToJsonString());
    }

    [Fact]
    public void Prune_NonNullableNull_IsDroppedWithoutReport()
    {
        var value = JsonNode.Parse("""{"spec":{"title":null,"comment":null}}""");

        var pruned = SchemaPruner.Prune(value, Schema);

        Assert.Empty(pruned);
        Assert.Equal("""{"spec":{"comment":null}}""", value!.ToJsonString());
    }

    [Fact]
    public void Prune_NotResourceRoot_DropsTypeMetaLikeUpstream()
    {
        var value = JsonNode.Parse("""{"apiVersion":"v1","spec":{}}""");

        var pruned = SchemaPruner.Prune(value, Schema, isResourceRoot: false);

        // Upstream drops unspecified apiVersion/kind/metadata at the top without reporting them.
        Assert.Empty(pruned);
        Assert.Equal("""{"spec":{}}""", value!.ToJsonString());
    }

    [Fact]
    public void Prune_DeepPaths_SpellEveryIndexAndFieldOfTheWay()
    {
        var schema = JsonNode.Parse("""
            {"type":"object","properties":{"spec":{"type":"object","properties":{
              "matrix":{"type":"array","items":{"type":"array","items":{"type":"object","properties":{"x":{"type":"string"}}}}},
              "raw":{"type":"array","items":{"type":"object","x-kubernetes-preserve-unknown-fields":true,"properties":{"k":{"type":"object","properties":{"a":{"type":"string"}}}}}}
            }}}}
            """)!.AsObject();
        var value = JsonNode.Parse("""
            {"spec":{"matrix":[[{"x":"a"}],[{"x":"b"},{"x":"c","y":1}]],"raw":[{"free":1},{"k":{"a":"a","b":2},"free":[1]}]}}
            """);

        var pruned = SchemaPruner.Prune(value, schema);

        Assert.Equal(["spec.matrix[1][1].y", "spec.raw[1].k.b"], pruned);
        Assert.Equal(
            """{"spec":{"matrix":[[{"x":"a"}],[{"x":"b"},{"x":"c"}]],"raw":[{"free":1},{"k":{"a":"a"},"free":[1]}]}}""",
            value!.ToJsonString());
    }

    [Fact]
    public void Prune_NothingUnknown_LeavesTheObjectAsItWas()
    {
        const string Json = """
            {"apiVersion":"example.com/v1","kind":"Widget","metadata":{"name":"w"},"spec":{"size":1,"items":[{"name":"a"}],"labels":{"one":{"v":"x"}},"raw":{"any":[1,{"b":2}]},"template":{"kind":"K","spec":{"x":"y"}}}}
            """;
        var value = JsonNode.Parse(Json);

        var pruned = SchemaPruner.Prune(value, Schema);

        Assert.Empty(pruned);
        Assert.Equal(Json.Trim(), value!.ToJsonString());
    }
}
