using System.Text.Json.Nodes;
using Karmada.OpenApi.Structural;

namespace Karmada.OpenApi.Tests.Structural;

public sealed class StructuralSchemaCheckerTests
{
    private const string Root = "spec.validation.openAPIV3Schema";

    [Fact]
    public void Check_StructuralSchema_ReturnsNoErrors()
    {
        var errors = Check("""
            {"type":"object","properties":{
              "metadata":{"type":"object","properties":{"name":{"type":"string","maxLength":20}}},
              "spec":{"type":"object","properties":{
                "port":{"x-kubernetes-int-or-string":true,"anyOf":[{"type":"integer"},{"type":"string"}]},
                "raw":{"x-kubernetes-preserve-unknown-fields":true},
                "template":{"type":"object","x-kubernetes-embedded-resource":true,"x-kubernetes-preserve-unknown-fields":true},
                "size":{"type":"integer","default":1,"minimum":0},
                "choice":{"type":"object","properties":{"a":{"type":"string"},"b":{"type":"string"}},"oneOf":[{"required":["a"]},{"required":["b"]}]},
                "ports":{"type":"array","x-kubernetes-list-type":"map","x-kubernetes-list-map-keys":["name"],
                  "items":{"type":"object","required":["name"],"properties":{"name":{"type":"string"}}}}}}}}
            """);

        Assert.Empty(errors);
    }

    [Fact]
    public void Check_PropertyWithoutType_IsRequired()
    {
        var error = Assert.Single(Check("""{"type":"object","properties":{"spec":{"properties":{}}}}"""));

        Assert.Equal($"{Root}.properties[spec].type: Required value: must not be empty for specified object fields", error.ToString());
    }

    [Fact]
    public void Check_ItemsWithoutType_IsRequired()
    {
        var error = Assert.Single(Check("""{"type":"object","properties":{"list":{"type":"array","items":{"minLength":1}}}}"""));

        Assert.Equal($"{Root}.properties[list].items.type: Required value: must not be empty for specified array items", error.ToString());
    }

    [Fact]
    public void Check_ArrayWithoutItems_IsRequired()
    {
        var error = Assert.Single(Check("""{"type":"object","properties":{"list":{"type":"array"}}}"""));

        Assert.Equal($"{Root}.properties[list].items: Required value: must be specified", error.ToString());
    }

    [Fact]
    public void Check_RootNotObject_IsInvalid()
    {
        var error = Assert.Single(Check("""{"type":"string"}"""));

        Assert.Equal($"{Root}.type: Invalid value: \"string\": must be object at the root", error.ToString());
    }

    [Fact]
    public void Check_TypeInsideJunctor_IsForbidden()
    {
        var error = Assert.Single(Check("""
            {"type":"object","properties":{"spec":{"type":"object","properties":{"a":{"type":"string"}},"anyOf":[{"type":"object","required":["a"]}]}}}
            """));

        Assert.Equal($"{Root}.properties[spec].anyOf[0].type: Forbidden: must be empty to be structural", error.ToString());
    }

    [Fact]
    public void Check_ValueValidationOnUnspecifiedField_IsIncomplete()
    {
        var error = Assert.Single(Check("""
            {"type":"object","properties":{"spec":{"type":"object","properties":{"a":{"type":"string"}},"allOf":[{"properties":{"b":{"minLength":1}}}]}}}
            """));

        Assert.Equal($"{Root}.properties[spec].properties[b]: Required value: because it is defined in {Root}.properties[spec].allOf[0].properties[b]", error.ToString());
    }

    [Fact]
    public void Check_RootMetadataBeyondNames_IsForbidden()
    {
        var error = Assert.Single(Check("""{"type":"object","properties":{"metadata":{"type":"object","properties":{"labels":{"type":"object"}}}}}"""));

        Assert.Equal($"{Root}.properties[metadata]: Forbidden: must not specify anything other than name and generateName, but metadata is implicitly specified", error.ToString());
    }

    [Fact]
    public void Check_MetadataInJunctor_IsForbidden()
    {
        var error = Assert.Single(Check("""{"type":"object","properties":{"metadata":{"type":"object"}},"anyOf":[{"properties":{"metadata":{}}}]}"""));

        Assert.Equal($"{Root}.anyOf[0].properties[metadata]: Forbidden: must not be specified in a nested context", error.ToString());
    }

    [Fact]
    public void Check_EmbeddedResourceWithoutProperties_IsRequired()
    {
        var error = Assert.Single(Check("""{"type":"object","properties":{"t":{"type":"object","x-kubernetes-embedded-resource":true}}}"""));

        Assert.Equal($"{Root}.properties[t].properties: Required value: must not be empty if x-kubernetes-embedded-resource is true without x-kubernetes-preserve-unknown-fields", error.ToString());
    }

    [Fact]
    public void Check_IntOrStringWithPreserveUnknownFields_IsInvalid()
    {
        var error = Assert.Single(Check("""{"type":"object","properties":{"p":{"x-kubernetes-int-or-string":true,"x-kubernetes-preserve-unknown-fields":true}}}"""));

        Assert.Equal($"{Root}.properties[p].x-kubernetes-preserve-unknown-fields: Invalid value: true: must be false if x-kubernetes-int-or-string is true", error.ToString());
    }

    [Fact]
    public void Check_AdditionalPropertiesAtRoot_IsForbidden()
    {
        var error = Assert.Single(Check("""{"type":"object","additionalProperties":{"type":"string"}}"""));

        Assert.Equal($"{Root}.additionalProperties: Forbidden: must not be used at the root", error.ToString());
    }

    [Fact]
    public void Check_UniqueItems_IsForbidden()
    {
        var error = Assert.Single(Check("""{"type":"object","properties":{"l":{"type":"array","uniqueItems":true,"items":{"type":"string"}}}}"""));

        Assert.Equal($"{Root}.properties[l].uniqueItems: Forbidden: uniqueItems cannot be set to true since the runtime complexity becomes quadratic", error.ToString());
    }

    [Fact]
    public void Check_ListTypeMapWithoutKeys_IsRequired()
    {
        var error = Assert.Single(Check("""{"type":"object","properties":{"l":{"type":"array","x-kubernetes-list-type":"map","items":{"type":"object"}}}}"""));

        Assert.Equal($"{Root}.properties[l].x-kubernetes-list-map-keys: Required value: must not be empty if x-kubernetes-list-type is map", error.ToString());
    }

    [Fact]
    public void Check_UnknownListType_IsNotSupported()
    {
        var error = Assert.Single(Check("""{"type":"object","properties":{"l":{"type":"array","x-kubernetes-list-type":"bag","items":{"type":"string"}}}}"""));

        Assert.Equal($"{Root}.properties[l].x-kubernetes-list-type: Unsupported value: \"bag\": supported values: \"atomic\", \"set\", \"map\"", error.ToString());
    }

    [Fact]
    public void Check_DefaultOfWrongType_IsInvalid()
    {
        var error = Assert.Single(Check("""{"type":"object","properties":{"size":{"type":"integer","default":"big"}}}"""));

        Assert.Equal($"{Root}.properties[size].default: Invalid value: \"string\":  in body must be of type integer: \"string\"", error.ToString());
    }

    [Fact]
    public void Check_DefaultWithUnknownFields_IsInvalid()
    {
        var error = Assert.Single(Check("""{"type":"object","properties":{"o":{"type":"object","properties":{"a":{"type":"string"}},"default":{"a":"x","b":"y"}}}}"""));

        Assert.Equal($"{Root}.properties[o].default: Invalid value: map[string]interface {{}}{{\"a\":\"x\", \"b\":\"y\"}}: must not have unknown fields", error.ToString());
    }

    [Fact]
    public void Check_SeveralErrors_AreSortedByText()
    {
        var errors = Check("""{"type":"object","properties":{"z":{},"a":{}}}""").Select(error => error.ToString()).ToList();

        Assert.Equal(
            [
                $"{Root}.properties[a].type: Required value: must not be empty for specified object fields",
                $"{Root}.properties[z].type: Required value: must not be empty for specified object fields",
            ],
            errors);
    }

    [Fact]
    public void Check_CustomRootPath_IsUsed()
    {
        var error = Assert.Single(StructuralSchemaChecker.Check(JsonNode.Parse("""{"type":"object","properties":{"s":{}}}""")!.AsObject(), "spec.versions[0].schema.openAPIV3Schema"));

        Assert.Equal("spec.versions[0].schema.openAPIV3Schema.properties[s].type: Required value: must not be empty for specified object fields", error.ToString());
    }

    private static IReadOnlyList<FieldError> Check(string schema) => StructuralSchemaChecker.Check(JsonNode.Parse(schema)!.AsObject());
}
