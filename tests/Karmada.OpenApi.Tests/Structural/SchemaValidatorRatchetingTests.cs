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

    [Fact]
    public void ValidateUpdate_ReorderedMapList_IsUnchanged()
    {
        // Upstream correlates map-list items by key, so a list holding the same items in another order is unchanged
        // and its own rules (here maxItems, tightened after the list was stored) are not held against the update.
        var schema = SchemaWithPorts("\"maxItems\": 1,");
        var old = Parse("""{"spec":{"ports":[{"name":"web","port":1},{"name":"api","port":2}]}}""");
        var updated = Parse("""{"spec":{"ports":[{"name":"api","port":2},{"name":"web","port":1}]},"status":{"phase":"Ready"}}""");

        Assert.Empty(SchemaValidator.ValidateUpdate(updated, old, schema));
        Assert.Single(SchemaValidator.ValidateUpdate(Parse("""{"spec":{"ports":[{"name":"api","port":2},{"name":"web","port":3}]}}"""), old, schema));
    }

    [Fact]
    public void ValidateUpdate_MapListRepeatingAKey_StillFailsTheListRules()
    {
        // Both new items correlate with the stored "web" item and equal it, so upstream ratchets the list's own errors;
        // its list-map rule still sees the duplicate the update introduces.
        var schema = SchemaWithPorts("\"maxItems\": 1,");
        var old = Parse("""{"spec":{"ports":[{"name":"web","port":1},{"name":"api","port":2}]}}""");
        var updated = Parse("""{"spec":{"ports":[{"name":"web","port":1},{"name":"web","port":1}]}}""");

        var error = Assert.Single(SchemaValidator.ValidateUpdate(updated, old, schema));
        Assert.StartsWith("spec.ports[1]: Duplicate value", error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void ValidateUpdate_MapListItemsWithoutTheirKeys_AreNotCorrelated()
    {
        // An item lacking a map key cannot be looked up by key, so upstream judges it in full.
        var old = Parse("""{"spec":{"ports":[{"port":500}]}}""");
        var updated = Parse("""{"spec":{"ports":[{"port":500},{"name":"api","port":1}]}}""");

        var error = Assert.Single(SchemaValidator.ValidateUpdate(updated, old, Schema));
        Assert.Equal("spec.ports[0].port: Invalid value: 500: spec.ports[0].port in body should be less than or equal to 100", error.ToString());
    }

    [Fact]
    public void ValidateUpdate_IntegerBecomingFloat_IsAChange()
    {
        // Go's DeepEqual tells int64 20 from float64 20.
        var old = Parse("""{"spec":{"size":20}}""");

        var error = Assert.Single(SchemaValidator.ValidateUpdate(Parse("""{"spec":{"size":20.0}}"""), old, Schema));
        Assert.StartsWith("spec.size: Invalid value", error.ToString(), StringComparison.Ordinal);
        Assert.Empty(SchemaValidator.ValidateUpdate(Parse("""{"spec":{"size":20},"status":{"phase":"Ready"}}"""), old, Schema));
    }

    [Fact]
    public void ValidateUpdate_RootApiVersionAndKind_AreNeverRatcheted()
    {
        var schema = JsonNode.Parse("""
            {
              "type": "object",
              "properties": {
                "apiVersion": { "type": "string" },
                "kind": { "type": "string", "enum": ["Widget"] },
                "spec": { "type": "object", "properties": { "kind": { "type": "string", "enum": ["Widget"] }, "size": { "type": "integer" } } }
              }
            }
            """)!.AsObject();
        var old = Parse("""{"apiVersion":"example.com/v1","kind":"Gadget","spec":{"kind":"Gadget","size":1}}""");
        var updated = Parse("""{"apiVersion":"example.com/v1","kind":"Gadget","spec":{"kind":"Gadget","size":2}}""");

        // Only the root's kind: a kind property further down ratchets like any other value.
        var error = Assert.Single(SchemaValidator.ValidateUpdate(updated, old, schema));
        Assert.StartsWith("kind: Unsupported value", error.ToString(), StringComparison.Ordinal);
        Assert.Empty(SchemaValidator.ValidateUpdate(old, old.DeepClone(), schema));
    }

    [Fact]
    public void ValidateUpdate_ObjectWithFieldsOutsideItsSchema_IsAlwaysChanged()
    {
        // Upstream correlates only fields the schema describes; a preserved unknown field cannot be correlated, so an
        // object holding one never compares unchanged and its own rules hold on every update.
        var schema = JsonNode.Parse("""
            {
              "type": "object",
              "properties": {
                "spec": { "type": "object", "x-kubernetes-preserve-unknown-fields": true, "required": ["size"], "properties": { "size": { "type": "integer" } } },
                "status": { "type": "object", "properties": { "phase": { "type": "string" } } }
              }
            }
            """)!.AsObject();
        var updated = Parse("""{"spec":{"extra":1},"status":{"phase":"Ready"}}""");

        var error = Assert.Single(SchemaValidator.ValidateUpdate(updated, Parse("""{"spec":{"extra":1}}"""), schema));
        Assert.Equal("spec.size: Required value", error.ToString());
        Assert.Empty(SchemaValidator.ValidateUpdate(Parse("""{"spec":{},"status":{"phase":"Ready"}}"""), Parse("""{"spec":{}}"""), schema));
    }

    private static JsonObject SchemaWithPorts(string listRules) => JsonNode.Parse($$"""
        {
          "type": "object",
          "properties": {
            "spec": {
              "type": "object",
              "properties": {
                "ports": {
                  "type": "array", {{listRules}} "x-kubernetes-list-type": "map", "x-kubernetes-list-map-keys": ["name"],
                  "items": { "type": "object", "properties": { "name": { "type": "string" }, "port": { "type": "integer" } } }
                }
              }
            },
            "status": { "type": "object", "properties": { "phase": { "type": "string" } } }
          }
        }
        """)!.AsObject();

    private static JsonObject Parse(string json) => JsonNode.Parse(json)!.AsObject();
}
