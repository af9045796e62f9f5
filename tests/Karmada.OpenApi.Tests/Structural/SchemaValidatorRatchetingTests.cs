using System.Text.Json.Nodes;
using Karmada.OpenApi.Structural;

namespace Karmada.OpenApi.Tests.Structural;

/// <summary>
/// Updates validate with upstream's ratcheting (<c>CRDValidationRatcheting</c>): a value left as it was in the stored
/// object is not held against the update, however the schema judges it now; a changed value is judged in full.
/// </summary>
public sealed class SchemaValidatorRatchetingTests
{
    private static readonly JsonObject Schema = JsonNode.Parse("""
        {
          "type": "object",
          "properties": {
            "spec": {
              "type": "object",
              "properties": {
                "size": { "type": "integer", "maximum": 10 },
                "name": { "type": "string", "maxLength": 5 },
                "ports": {
                  "type": "array", "x-kubernetes-list-type": "map", "x-kubernetes-list-map-keys": ["name"],
                  "items": { "type": "object", "properties": { "name": { "type": "string" }, "port": { "type": "integer", "maximum": 100 } } }
                },
                "steps": { "type": "array", "items": { "type": "integer", "maximum": 100 } },
                "tags": { "type": "array", "x-kubernetes-list-type": "set", "items": { "type": "string", "maxLength": 3 } },
                "labels": { "type": "object", "additionalProperties": { "type": "string", "maxLength": 3 } }
              }
            },
            "status": { "type": "object", "properties": { "phase": { "type": "string", "enum": ["Ready", "Pending"] } } }
          }
        }
        """)!.AsObject();

    [Fact]
    public void ValidateUpdate_UnchangedInvalidValue_IsNotHeldAgainstTheUpdate()
    {
        // The stored object predates a tighter schema: size 20 is over today's maximum. A status write leaves it alone.
        var old = Parse("""{"spec":{"size":20},"status":{"phase":"Pending"}}""");
        var updated = Parse("""{"spec":{"size":20},"status":{"phase":"Ready"}}""");

        Assert.Empty(SchemaValidator.ValidateUpdate(updated, old, Schema));
        Assert.Single(SchemaValidator.Validate(updated, Schema));
    }

    [Fact]
    public void ValidateUpdate_ChangedValue_IsJudgedInFull()
    {
        var old = Parse("""{"spec":{"size":20,"name":"abc"},"status":{"phase":"Pending"}}""");
        var updated = Parse("""{"spec":{"size":21,"name":"abc"},"status":{"phase":"Unknown"}}""");

        var errors = SchemaValidator.ValidateUpdate(updated, old, Schema).Select(e => e.ToString()).ToList();

        Assert.Equal(
            ["spec.size: Invalid value: 21: spec.size in body should be less than or equal to 10", "status.phase: Unsupported value: \"Unknown\": supported values: \"Ready\", \"Pending\""],
            errors);
    }

    [Fact]
    public void ValidateUpdate_MapListItems_CorrelateByKeyNotPosition()
    {
        // The invalid "web" item moved to another index but is unchanged; the new "api" item is judged.
        var old = Parse("""{"spec":{"ports":[{"name":"web","port":500}]}}""");
        var updated = Parse("""{"spec":{"ports":[{"name":"api","port":200},{"name":"web","port":500}]}}""");

        var error = Assert.Single(SchemaValidator.ValidateUpdate(updated, old, Schema));

        Assert.Equal("spec.ports[0].port: Invalid value: 200: spec.ports[0].port in body should be less than or equal to 100", error.ToString());
    }

    [Fact]
    public void ValidateUpdate_ListsWithoutListType_CorrelateByIndex()
    {
        var old = Parse("""{"spec":{"steps":[500,1]}}""");

        Assert.Empty(SchemaValidator.ValidateUpdate(Parse("""{"spec":{"steps":[500,2]}}"""), old, Schema));
        var error = Assert.Single(SchemaValidator.ValidateUpdate(Parse("""{"spec":{"steps":[1,500]}}"""), old, Schema));
        Assert.Equal("spec.steps[1]: Invalid value: 500: spec.steps[1] in body should be less than or equal to 100", error.ToString());
    }

    [Fact]
    public void ValidateUpdate_SetItems_AreNotCorrelated()
    {
        // Upstream does not correlate set items: once the set changes, its old invalid item counts again.
        var old = Parse("""{"spec":{"tags":["long"]}}""");

        Assert.Empty(SchemaValidator.ValidateUpdate(Parse("""{"spec":{"tags":["long"]},"status":{"phase":"Ready"}}"""), old, Schema));
        var error = Assert.Single(SchemaValidator.ValidateUpdate(Parse("""{"spec":{"tags":["long","a"]}}"""), old, Schema));
        Assert.StartsWith("spec.tags[0]: Too long", error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void ValidateUpdate_AdditionalProperties_CorrelateByKey()
    {
        var old = Parse("""{"spec":{"labels":{"team":"platform"}}}""");

        Assert.Empty(SchemaValidator.ValidateUpdate(Parse("""{"spec":{"labels":{"team":"platform","env":"dev"}}}"""), old, Schema));
        var error = Assert.Single(SchemaValidator.ValidateUpdate(Parse("""{"spec":{"labels":{"team":"platform","owner":"someone"}}}"""), old, Schema));
        Assert.StartsWith("spec.labels.owner: Too long", error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void ValidateUpdate_ListTypeRules_OnlyWhenTheOldObjectKeptThem()
    {
        var duplicateWeb = Parse("""{"spec":{"ports":[{"name":"web","port":1},{"name":"web","port":2}]}}""");
        var valid = Parse("""{"spec":{"ports":[{"name":"web","port":1}]}}""");

        // A new duplicate is refused; one the stored object already had is not (upstream skips the check then).
        var error = Assert.Single(SchemaValidator.ValidateUpdate(duplicateWeb, valid, Schema));
        Assert.StartsWith("spec.ports[1]: Duplicate value", error.ToString(), StringComparison.Ordinal);
        var stillDuplicate = Parse("""{"spec":{"ports":[{"name":"web","port":1},{"name":"web","port":3}]}}""");
        Assert.Empty(SchemaValidator.ValidateUpdate(stillDuplicate, duplicateWeb, Schema));
    }

    [Fact]
    public void ValidateUpdate_WithoutAnOldObject_ValidatesLikeCreate()
    {
        var updated = Parse("""{"spec":{"size":20}}""");

        Assert.Equal(
            SchemaValidator.Validate(updated, Schema).Select(e => e.ToString()),
            SchemaValidator.ValidateUpdate(updated, null, Schema).Select(e => e.ToString()));
    }

    private static JsonObject Parse(string json) => JsonNode.Parse(json)!.AsObject();
}
