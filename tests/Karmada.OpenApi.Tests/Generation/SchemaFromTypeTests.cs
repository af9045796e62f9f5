using System.Text.Json.Nodes;
using Karmada.OpenApi.Generation;
using Karmada.OpenApi.Structural;
using Karmada.OpenApi.Tests.Generation.Models;

namespace Karmada.OpenApi.Tests.Generation;

public sealed class SchemaFromTypeTests
{
    private const string SpecName = "Karmada.OpenApi.Tests.Generation.Models.WidgetSpec";

    private static readonly XmlDocumentation Documentation =
        XmlDocumentation.Load(Path.Combine(AppContext.BaseDirectory, "Karmada.OpenApi.Tests.xml"));

    [Fact]
    public void Add_Kind_UsesSerializerNamesAndDocumentation()
    {
        var generator = Create();

        var name = generator.Add(typeof(Widget));

        Assert.Equal("Karmada.OpenApi.Tests.Generation.Models.Widget", name);
        var widget = generator.Components[name];
        Assert.Equal("Widget is a kind defined only by these tests.", widget["description"]!.GetValue<string>());
        Assert.Equal(["apiVersion", "kind", "metadata", "spec"], widget["properties"]!.AsObject().Select(pair => pair.Key));
        Assert.Equal("Desired state of the widget.", widget["properties"]!["spec"]!["description"]!.GetValue<string>());
        Assert.Equal("#/components/schemas/" + SpecName, widget["properties"]!["spec"]!["allOf"]![0]!["$ref"]!.GetValue<string>());
    }

    [Fact]
    public void Add_Spec_MapsPropertyTypes()
    {
        var generator = Create();
        generator.Add(typeof(Widget));

        var properties = generator.Components[SpecName]["properties"]!;

        Assert.Equal("Number of gadgets.\n\nDefaults to none.", properties["gadgetCount"]!["description"]!.GetValue<string>());
        Assert.Equal("int32", properties["gadgetCount"]!["format"]!.GetValue<string>());
        Assert.Equal("""["Fast","slow-mode"]""", properties["mode"]!["enum"]!.ToJsonString());
        Assert.Equal("string", properties["tags"]!["items"]!["type"]!.GetValue<string>());
        Assert.Equal("integer", properties["weights"]!["additionalProperties"]!["type"]!.GetValue<string>());
        Assert.True(properties["raw"]!["x-kubernetes-preserve-unknown-fields"]!.GetValue<bool>());
        Assert.Equal("#/components/schemas/" + BuiltInSchemas.IntOrStringName, properties["port"]!["allOf"]![0]!["$ref"]!.GetValue<string>());
        Assert.Equal("#/components/schemas/io.k8s.apimachinery.pkg.apis.meta.v1.LabelSelector", properties["selector"]!["allOf"]![0]!["$ref"]!.GetValue<string>());
        Assert.Equal("#/components/schemas/" + SpecName, properties["children"]!["items"]!["$ref"]!.GetValue<string>());
    }

    [Fact]
    public void Add_RequiredMember_IsListedAsRequired()
    {
        var generator = Create();
        generator.Add(typeof(Widget));

        Assert.Equal("""["name"]""", generator.Components[SpecName]["required"]!.ToJsonString());
    }

    [Fact]
    public void Add_KubernetesModels_ReferenceBuiltInComponentsInsteadOfCopies()
    {
        var generator = Create();
        generator.Add(typeof(Widget));

        Assert.Equal(2, generator.Components.Count);
        Assert.Equal("#/components/schemas/" + BuiltInSchemas.ObjectMetaName, generator.Components["Karmada.OpenApi.Tests.Generation.Models.Widget"]["properties"]!["metadata"]!["allOf"]![0]!["$ref"]!.GetValue<string>());
    }

    [Fact]
    public void AddKind_CustomName_IsUsedAndCarriesGroupVersionKind()
    {
        var generator = new SchemaFromType(WidgetJsonContext.Default.Options, Documentation, type => "io.example.v1." + type.Name);

        var name = generator.AddKind(typeof(Widget), "example.io", "v1", "Widget");

        Assert.Equal("io.example.v1.Widget", name);
        Assert.Equal("""[{"group":"example.io","kind":"Widget","version":"v1"}]""", generator.Components[name]["x-kubernetes-group-version-kind"]!.ToJsonString());
        Assert.True(generator.Components.ContainsKey("io.example.v1.WidgetSpec"));
    }

    [Fact]
    public void GetStructural_Kind_InlinesOwnAndBuiltInComponents()
    {
        var generator = Create();

        var schema = generator.GetStructural(typeof(Widget));

        Assert.Equal("string", schema["properties"]!["metadata"]!["properties"]!["name"]!["type"]!.GetValue<string>());
        Assert.DoesNotContain("$ref", schema.ToJsonString(), StringComparison.Ordinal);
        var errors = SchemaValidator.Validate(JsonNode.Parse("""{"spec":{"name":"w","gadgetCount":"many","mode":"Medium"}}"""), schema);
        Assert.Equal(
            [
                "spec.gadgetCount: Invalid value: \"string\": spec.gadgetCount in body must be of type integer: \"string\"",
                "spec.mode: Unsupported value: \"Medium\": supported values: \"Fast\", \"slow-mode\"",
            ],
            errors.Select(error => error.ToString()));
    }

    private static SchemaFromType Create() => new(WidgetJsonContext.Default.Options, Documentation);
}
