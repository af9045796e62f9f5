using System.Text.Json.Nodes;
using Karmada.OpenApi.Structural;

namespace Karmada.OpenApi.Tests.Structural;

public sealed class SchemaValidatorTests
{
    private static readonly JsonObject WidgetSchema = Schema("""
        {
          "type": "object",
          "properties": {
            "spec": {
              "type": "object",
              "required": ["name"],
              "properties": {
                "size": { "type": "integer", "minimum": 0, "maximum": 10 },
                "limit": { "type": "integer", "maximum": 10, "exclusiveMaximum": true },
                "floor": { "type": "integer", "minimum": 1, "exclusiveMinimum": true },
                "count": { "type": "integer", "multipleOf": 3 },
                "ratio": { "type": "number", "maximum": 1, "multipleOf": 0.5 },
                "replicas": { "type": "integer", "format": "int32" },
                "enabled": { "type": "boolean" },
                "mode": { "type": "string", "enum": ["a", "b"] },
                "level": { "type": "integer", "enum": [1, 2] },
                "name": { "type": "string", "minLength": 2, "maxLength": 5, "pattern": "^[a-z]+$" },
                "when": { "type": "string", "format": "date-time" },
                "blob": { "type": "string", "format": "byte" },
                "comment": { "type": "string", "nullable": true },
                "title": { "type": "string" },
                "port": { "x-kubernetes-int-or-string": true },
                "items": {
                  "type": "array",
                  "minItems": 2,
                  "maxItems": 3,
                  "items": { "type": "object", "required": ["name"], "properties": { "name": { "type": "string" } } }
                },
                "tags": { "type": "array", "uniqueItems": true, "items": { "type": "string" } },
                "selector": { "type": "object", "minProperties": 1, "maxProperties": 2, "additionalProperties": { "type": "string" } },
                "closed": { "type": "object", "properties": { "a": { "type": "string" } }, "additionalProperties": false },
                "anything": { "type": "object", "x-kubernetes-preserve-unknown-fields": true }
              }
            }
          }
        }
        """);

    [Fact]
    public void Validate_ValidObject_ReturnsNoErrors()
    {
        var errors = Validate("""
            {"apiVersion":"example.com/v1","kind":"Widget","metadata":{"name":"w"},
             "spec":{"name":"abc","size":3,"limit":9,"floor":2,"count":6,"ratio":0.5,"mode":"a","level":2,"replicas":1.0,
                     "when":"2024-01-02T03:04:05Z","blob":"aGk=","comment":null,"port":"http","items":[{"name":"x"},{"name":"y"}],
                     "tags":["a","b"],"selector":{"app":"web"},"closed":{"a":"x"},"anything":{"deep":{"x":[1,true]}}}}
            """);

        Assert.Empty(errors);
    }

    [Theory]
    [InlineData("""{"name":"abc","size":-1}""", "spec.size: Invalid value: -1: spec.size in body should be greater than or equal to 0")]
    [InlineData("""{"name":"abc","size":11}""", "spec.size: Invalid value: 11: spec.size in body should be less than or equal to 10")]
    [InlineData("""{"name":"abc","limit":10}""", "spec.limit: Invalid value: 10: spec.limit in body should be less than 10")]
    [InlineData("""{"name":"abc","floor":1}""", "spec.floor: Invalid value: 1: spec.floor in body should be greater than 1")]
    [InlineData("""{"name":"abc","count":4}""", "spec.count: Invalid value: 4: spec.count in body should be a multiple of 3")]
    [InlineData("""{"name":"abc","ratio":1.5}""", "spec.ratio: Invalid value: 1.5: spec.ratio in body should be less than or equal to 1")]
    [InlineData("""{"name":"abc","ratio":0.3}""", "spec.ratio: Invalid value: 0.3: spec.ratio in body should be a multiple of 0.5")]
    [InlineData("""{"name":"abc","replicas":"string"}""", "spec.replicas: Invalid value: \"string\": spec.replicas in body must be of type integer: \"string\"")]
    [InlineData("""{"name":"abc","replicas":1.5}""", "spec.replicas: Invalid value: \"number\": spec.replicas in body must be of type integer: \"number\"")]
    [InlineData("""{"name":"abc","enabled":"yes"}""", "spec.enabled: Invalid value: \"string\": spec.enabled in body must be of type boolean: \"string\"")]
    [InlineData("""{"name":"abc","mode":"x"}""", "spec.mode: Unsupported value: \"x\": supported values: \"a\", \"b\"")]
    [InlineData("""{"name":"abc","level":3}""", "spec.level: Unsupported value: 3: supported values: \"1\", \"2\"")]
    [InlineData("""{}""", "spec.name: Required value")]
    [InlineData("""{"name":"abcdefg"}""", "spec.name: Too long: may not be longer than 5")]
    [InlineData("""{"name":"a"}""", "spec.name: Invalid value: \"a\": spec.name in body should be at least 2 chars long")]
    [InlineData("""{"name":"AB"}""", "spec.name: Invalid value: \"AB\": spec.name in body should match '^[a-z]+$'")]
    [InlineData("""{"name":"abc","when":"yesterday"}""", "spec.when: Invalid value: \"yesterday\": spec.when in body must be of type date-time: \"yesterday\"")]
    [InlineData("""{"name":"abc","blob":"not base64!"}""", "spec.blob: Invalid value: \"not base64!\": spec.blob in body must be of type byte: \"not base64!\"")]
    [InlineData("""{"name":"abc","title":null}""", "spec.title: Invalid value: \"null\": spec.title in body must be of type string: \"null\"")]
    [InlineData("""{"name":"abc","port":true}""", "spec.port: Invalid value: \"boolean\": spec.port in body must be of type integer,string: \"boolean\"")]
    [InlineData("""{"name":"abc","items":[{"name":"x"}]}""", "spec.items: Invalid value: 1: spec.items in body should have at least 2 items")]
    [InlineData("""{"name":"abc","items":[{"name":"a"},{"name":"b"},{"name":"c"},{"name":"d"}]}""", "spec.items: Too many: 4: must have at most 3 items")]
    [InlineData("""{"name":"abc","items":[{"name":"a"},{"name":"b"},{}]}""", "spec.items[2].name: Required value")]
    [InlineData("""{"name":"abc","tags":["a","b","a"]}""", "spec.tags: Invalid value: \"\": spec.tags in body shouldn't contain duplicates")]
    [InlineData("""{"name":"abc","selector":{}}""", "spec.selector: Invalid value: 0: spec.selector in body should have at least 1 properties")]
    [InlineData("""{"name":"abc","selector":{"a":"1","b":"2","c":"3"}}""", "spec.selector: Too many: 3: must have at most 2 items")]
    [InlineData("""{"name":"abc","selector":{"a":1}}""", "spec.selector.a: Invalid value: \"integer\": spec.selector.a in body must be of type string: \"integer\"")]
    [InlineData("""{"name":"abc","closed":{"a":"x","b":"y"}}""", "spec.closed: Invalid value: \"b\": spec.closed.b in body is a forbidden property")]
    public void Validate_ViolatedKeyword_ReportsKubernetesText(string spec, string expected)
    {
        var errors = Validate("""{"spec":""" + spec + "}");

        Assert.Equal(expected, Assert.Single(errors).ToString());
    }

    [Theory]
    [InlineData("""{"name":"abc","size":-1}""", FieldErrorType.Invalid, "FieldValueInvalid")]
    [InlineData("""{"name":"abc","replicas":"x"}""", FieldErrorType.TypeInvalid, "FieldValueTypeInvalid")]
    [InlineData("""{"name":"abc","mode":"x"}""", FieldErrorType.NotSupported, "FieldValueNotSupported")]
    [InlineData("""{}""", FieldErrorType.Required, "FieldValueRequired")]
    [InlineData("""{"name":"abcdefg"}""", FieldErrorType.TooLong, "FieldValueTooLong")]
    [InlineData("""{"name":"abc","items":[{"name":"a"},{"name":"b"},{"name":"c"},{"name":"d"}]}""", FieldErrorType.TooMany, "FieldValueTooMany")]
    public void Validate_ViolatedKeyword_MapsToStatusCauseReason(string spec, FieldErrorType type, string reason)
    {
        var error = Assert.Single(Validate("""{"spec":""" + spec + "}"));

        Assert.Equal(type, error.Type);
        Assert.Equal(reason, error.CauseReason);
    }

    [Fact]
    public void Validate_IntOrString_AcceptsIntegersAndStrings()
    {
        Assert.Empty(Validate("""{"spec":{"name":"abc","port":8080}}"""));
        Assert.Empty(Validate("""{"spec":{"name":"abc","port":"http"}}"""));
    }

    [Fact]
    public void Validate_IntegralFloatForInteger_IsAccepted()
    {
        // Go decodes 1.0 as a float64 and kube-openapi accepts integral floats for integer fields.
        Assert.Empty(Validate("""{"spec":{"name":"abc","replicas":3.0}}"""));
    }

    [Fact]
    public void Validate_PreserveUnknownFields_AcceptsAnything()
    {
        Assert.Empty(Validate("""{"spec":{"name":"abc","anything":{"a":{"b":[1,"x",null]}}}}"""));
    }

    [Fact]
    public void Validate_RootPath_PrefixesFieldsButNotMessages()
    {
        var errors = SchemaValidator.Validate(JsonNode.Parse("""{"spec":{"name":"abc","size":-1}}"""), WidgetSchema, "spec.template");

        Assert.Equal("spec.template.spec.size: Invalid value: -1: spec.size in body should be greater than or equal to 0", Assert.Single(errors).ToString());
    }

    [Fact]
    public void Validate_SeveralViolations_ReportsEachInOrder()
    {
        var errors = Validate("""{"spec":{"size":-1,"mode":"x"}}""").Select(error => error.ToString()).ToList();

        Assert.Equal(
            [
                "spec.size: Invalid value: -1: spec.size in body should be greater than or equal to 0",
                "spec.mode: Unsupported value: \"x\": supported values: \"a\", \"b\"",
                "spec.name: Required value",
            ],
            errors);
    }

    [Fact]
    public void Validate_AnyOfWithoutMatch_ReportsCompositeAtRootAndBestBranch()
    {
        var schema = Schema("""
            {"type":"object","properties":{"spec":{"type":"object","properties":{"choice":{
              "anyOf":[{"type":"string","maxLength":2},{"type":"integer"}]}}}}}
            """);

        var errors = SchemaValidator.Validate(JsonNode.Parse("""{"spec":{"choice":"abcd"}}"""), schema).Select(error => error.ToString()).ToList();

        Assert.Equal(
            [
                "<nil>: Invalid value: \"\": \"spec.choice\" must validate at least one schema (anyOf)",
                "spec.choice: Too long: may not be longer than 2",
            ],
            errors);
    }

    [Fact]
    public void Validate_OneOfWithTwoMatches_ReportsAlternatives()
    {
        var schema = Schema("""{"type":"object","oneOf":[{"required":["a"]},{"required":["b"]}]}""");

        var error = Assert.Single(SchemaValidator.Validate(JsonNode.Parse("""{"a":1,"b":2}"""), schema));

        Assert.Equal("<nil>: Invalid value: \"\": \"\" must validate one and only one schema (oneOf). Found 2 valid alternatives", error.ToString());
    }

    [Fact]
    public void Validate_OneOfWithOneMatch_IsValid()
    {
        var schema = Schema("""{"type":"object","oneOf":[{"required":["a"]},{"required":["b"]}]}""");

        Assert.Empty(SchemaValidator.Validate(JsonNode.Parse("""{"a":1}"""), schema));
    }

    [Fact]
    public void Validate_AllOfFailingBranch_ReportsBranchAndComposite()
    {
        var schema = Schema("""{"type":"object","properties":{"n":{"type":"integer","allOf":[{"minimum":1},{"maximum":5}]}}}""");

        var errors = SchemaValidator.Validate(JsonNode.Parse("""{"n":9}"""), schema, "spec").Select(error => error.ToString()).ToList();

        Assert.Equal(
            [
                "spec.n: Invalid value: 9: n in body should be less than or equal to 5",
                "spec: Invalid value: \"\": \"n\" must validate all the schemas (allOf)",
            ],
            errors);
    }

    [Fact]
    public void Validate_NotMatchingForbiddenSchema_ReportsNot()
    {
        var schema = Schema("""{"type":"object","properties":{"n":{"type":"string","not":{"enum":["forbidden"]}}}}""");

        var error = Assert.Single(SchemaValidator.Validate(JsonNode.Parse("""{"n":"forbidden"}"""), schema));

        Assert.Equal("<nil>: Invalid value: \"\": \"n\" must not validate the schema (not)", error.ToString());
    }

    [Fact]
    public void Validate_EmbeddedResourceWithoutTypeMeta_RequiresApiVersionAndKind()
    {
        var schema = Schema("""
            {"type":"object","properties":{"spec":{"type":"object","properties":{"template":{
              "type":"object","x-kubernetes-embedded-resource":true,"x-kubernetes-preserve-unknown-fields":true}}}}}
            """);

        var errors = SchemaValidator.Validate(JsonNode.Parse("""{"spec":{"template":{"metadata":{"name":"x"}}}}"""), schema)
            .Select(error => error.ToString()).ToList();

        Assert.Equal(["spec.template.apiVersion: Required value", "spec.template.kind: Required value"], errors);
    }

    [Theory]
    [InlineData("""{"apiVersion":"a/b/c","kind":"Pod"}""", "spec.template.apiVersion: Invalid value: \"a/b/c\": unexpected GroupVersion string: a/b/c")]
    [InlineData("""{"apiVersion":"v1","kind":7}""", "spec.template.kind: Invalid value: 7: must be a string")]
    [InlineData("""{"apiVersion":"v1","kind":"Pod","metadata":{"name":"a/b"}}""", "spec.template.metadata.name: Invalid value: \"a/b\": may not contain '/'")]
    [InlineData("""{"apiVersion":"v1","kind":"Pod","metadata":{"name":".."}}""", "spec.template.metadata.name: Invalid value: \"..\": may not be '..'")]
    [InlineData("""{"apiVersion":"v1","kind":"Pod","metadata":{"namespace":"Bad"}}""", "spec.template.metadata.namespace: Invalid value: \"Bad\": a lowercase RFC 1123 label must consist of lower case alphanumeric characters or '-', and must start and end with an alphanumeric character (e.g. 'my-name',  or '123-abc', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?')")]
    [InlineData("""{"apiVersion":"v1","kind":"Pod","metadata":{"labels":{"app":"-bad"}}}""", "spec.template.metadata.labels: Invalid value: \"-bad\": a valid label must be an empty string or consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyValue',  or 'my_value',  or '12345', regex used for validation is '(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?')")]
    [InlineData("""{"apiVersion":"v1","kind":"Pod","metadata":{"annotations":{"a b":"x"}}}""", "spec.template.metadata.annotations: Invalid value: \"a b\": name part must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyName',  or 'my.name',  or '123-abc', regex used for validation is '([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]')")]
    [InlineData("""{"apiVersion":"v1","kind":"Bad_Kind"}""", "spec.template.kind: Invalid value: \"Bad_Kind\": may have mixed case, but should otherwise match: a DNS-1035 label must consist of lower case alphanumeric characters or '-', start with an alphabetic character, and end with an alphanumeric character (e.g. 'my-name',  or 'abc-123', regex used for validation is '[a-z]([-a-z0-9]*[a-z0-9])?')")]
    public void Validate_EmbeddedResourceWithBadTypeMeta_ReportsIt(string template, string expected)
    {
        var schema = Schema("""
            {"type":"object","properties":{"spec":{"type":"object","properties":{"template":{
              "type":"object","x-kubernetes-embedded-resource":true,"x-kubernetes-preserve-unknown-fields":true}}}}}
            """);

        var error = Assert.Single(SchemaValidator.Validate(JsonNode.Parse("""{"spec":{"template":""" + template + "}}"), schema));

        Assert.Equal(expected, error.ToString());
    }

    [Fact]
    public void Validate_EmbeddedResourceBelowListsAndMaps_IsFound()
    {
        // Reached through items, then additionalProperties, then a property: every edge the walk follows.
        var schema = Schema("""
            {"type":"object","properties":{"spec":{"type":"object","properties":{"groups":{"type":"array","items":{
              "type":"object","additionalProperties":{"type":"object","properties":{"template":{
                "type":"object","x-kubernetes-embedded-resource":true,"x-kubernetes-preserve-unknown-fields":true}}}}}}}}}
            """);
        var value = JsonNode.Parse("""{"spec":{"groups":[{"a":{"template":{"apiVersion":"v1","kind":"Pod"}}},{"b":{"template":{"kind":"Pod"}}}]}}""");

        var errors = SchemaValidator.Validate(value, schema).Select(error => error.ToString()).ToList();

        Assert.Equal(["spec.groups[1][b].template.apiVersion: Required value"], errors);
    }

    [Fact]
    public void Validate_SchemaWithoutEmbeddedResources_LeavesObjectsWithTypeMetaAlone()
    {
        // Only a marked schema makes an object an embedded resource, however resource-like the object looks.
        var schema = Schema("""{"type":"object","properties":{"items":{"type":"array","items":{"type":"object","x-kubernetes-preserve-unknown-fields":true}}}}""");

        Assert.Empty(SchemaValidator.Validate(JsonNode.Parse("""{"items":[{"kind":"Bad_Kind","metadata":{"name":"a/b"}}]}"""), schema));
    }

    [Fact]
    public void Validate_ListTypeSetWithDuplicates_ReportsSecondOccurrence()
    {
        var schema = Schema("""
            {"type":"object","properties":{"tags":{"type":"array","x-kubernetes-list-type":"set","items":{"type":"string"}}}}
            """);

        var error = Assert.Single(SchemaValidator.Validate(JsonNode.Parse("""{"tags":["a","b","a","a"]}"""), schema));

        Assert.Equal("tags[2]: Duplicate value: \"a\"", error.ToString());
        Assert.Equal("FieldValueDuplicate", error.CauseReason);
    }

    [Fact]
    public void Validate_ListTypeMapWithDuplicateKeys_ReportsKeyMap()
    {
        var schema = Schema("""
            {"type":"object","properties":{"spec":{"type":"object","properties":{"ports":{"type":"array",
              "x-kubernetes-list-type":"map","x-kubernetes-list-map-keys":["name"],
              "items":{"type":"object","properties":{"name":{"type":"string"},"port":{"type":"integer"}}}}}}}}
            """);

        var error = Assert.Single(SchemaValidator.Validate(
            JsonNode.Parse("""{"spec":{"ports":[{"name":"http","port":80},{"name":"http","port":81}]}}"""), schema));

        Assert.Equal("spec.ports[1]: Duplicate value: map[string]interface {}{\"name\":\"http\"}", error.ToString());
    }

    [Fact]
    public void Validate_ListTypeMapWithCompoundKeys_ComparesAllKeys()
    {
        var schema = Schema("""
            {"type":"object","properties":{"ports":{"type":"array",
              "x-kubernetes-list-type":"map","x-kubernetes-list-map-keys":["port","protocol"],
              "items":{"type":"object","properties":{"port":{"type":"integer"},"protocol":{"type":"string"}}}}}}
            """);

        Assert.Empty(SchemaValidator.Validate(JsonNode.Parse("""{"ports":[{"port":80,"protocol":"TCP"},{"port":80,"protocol":"UDP"}]}"""), schema));
        var error = Assert.Single(SchemaValidator.Validate(
            JsonNode.Parse("""{"ports":[{"port":80,"protocol":"TCP"},{"protocol":"TCP","port":80}]}"""), schema));
        Assert.Equal("ports[1]: Duplicate value: map[string]interface {}{\"port\":80, \"protocol\":\"TCP\"}", error.ToString());
    }

    [Fact]
    public void Validate_WrongRootType_ReportsNilField()
    {
        var error = Assert.Single(SchemaValidator.Validate(JsonNode.Parse("[1]"), WidgetSchema));

        Assert.Equal("<nil>: Invalid value: \"array\":  in body must be of type object: \"array\"", error.ToString());
    }

    private static IReadOnlyList<FieldError> Validate(string json) => SchemaValidator.Validate(JsonNode.Parse(json), WidgetSchema);

    private static JsonObject Schema(string json) => JsonNode.Parse(json)!.AsObject();
}
