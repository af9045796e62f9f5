using System.Text;
using System.Text.Json.Nodes;
using Karmada.OpenApi.Documents;
using Karmada.OpenApi.Generation;

namespace Karmada.OpenApi.Tests.Documents;

public sealed class OpenApiV3Tests
{
    private const string DeploymentItemPath = "/apis/apps/v1/namespaces/{namespace}/deployments/{name}";

    [Fact]
    public void BuildGroupVersionDocument_Deployment_PatchAdvertisesFieldValidationAndKind()
    {
        var document = AppsDocument();

        var patch = document["paths"]![DeploymentItemPath]!["patch"]!;
        var parameters = patch["parameters"]!.AsArray().Select(parameter => parameter!["name"]!.GetValue<string>()).ToList();

        Assert.Equal(["dryRun", "fieldManager", "fieldValidation", "force"], parameters);
        Assert.Equal("""{"group":"apps","kind":"Deployment","version":"v1"}""", patch["x-kubernetes-group-version-kind"]!.ToJsonString());
        Assert.Equal("patch", patch["x-kubernetes-action"]!.GetValue<string>());
        Assert.Equal("patchAppsV1NamespacedDeployment", patch["operationId"]!.GetValue<string>());
        Assert.Equal(
            ["application/json-patch+json", "application/merge-patch+json", "application/strategic-merge-patch+json", "application/apply-patch+yaml"],
            patch["requestBody"]!["content"]!.AsObject().Select(pair => pair.Key));
    }

    [Fact]
    public void BuildGroupVersionDocument_Deployment_HasCollectionItemStatusAndScalePaths()
    {
        var paths = AppsDocument()["paths"]!.AsObject().Select(pair => pair.Key).ToList();

        Assert.Equal(
            [
                "/apis/apps/v1/deployments",
                "/apis/apps/v1/namespaces/{namespace}/deployments",
                DeploymentItemPath,
                DeploymentItemPath + "/scale",
                DeploymentItemPath + "/status",
            ],
            paths);
        var scalePatch = AppsDocument()["paths"]![DeploymentItemPath + "/scale"]!["patch"]!;
        Assert.Equal("""{"group":"autoscaling","kind":"Scale","version":"v1"}""", scalePatch["x-kubernetes-group-version-kind"]!.ToJsonString());
    }

    [Fact]
    public void BuildGroupVersionDocument_Deployment_IncludesKindAndReferencedComponents()
    {
        var schemas = AppsDocument()["components"]!["schemas"]!.AsObject();

        Assert.Equal("""[{"group":"apps","kind":"Deployment","version":"v1"}]""", schemas["io.k8s.api.apps.v1.Deployment"]!["x-kubernetes-group-version-kind"]!.ToJsonString());
        foreach (var name in new[]
                 {
                     "io.k8s.api.apps.v1.DeploymentList", "io.k8s.api.apps.v1.DeploymentSpec", "io.k8s.api.core.v1.PodSpec",
                     "io.k8s.api.core.v1.Container", BuiltInSchemas.ObjectMetaName, BuiltInSchemas.PatchName,
                     BuiltInSchemas.StatusName, BuiltInSchemas.DeleteOptionsName, "io.k8s.api.autoscaling.v1.Scale",
                 })
        {
            Assert.True(schemas.ContainsKey(name), name);
        }

        var json = AppsDocument().ToJsonString();
        foreach (var reference in System.Text.RegularExpressions.Regex.Matches(json, "\"#/components/schemas/([^\"]+)\"").Select(match => match.Groups[1].Value))
        {
            Assert.True(schemas.ContainsKey(reference), reference);
        }
    }

    [Fact]
    public void BuildGroupVersionDocument_CustomKind_NeverListsStrategicMergePatch()
    {
        var document = OpenApiV3.BuildGroupVersionDocument("example.com", "v1", [Widget(WidgetSchema())]);

        Assert.DoesNotContain("strategic-merge-patch", document.ToJsonString(), StringComparison.Ordinal);
        var patch = document["paths"]!["/apis/example.com/v1/namespaces/{namespace}/widgets/{name}"]!["patch"]!;
        Assert.Equal(
            ["application/json-patch+json", "application/merge-patch+json", "application/apply-patch+yaml"],
            patch["requestBody"]!["content"]!.AsObject().Select(pair => pair.Key));
        Assert.Contains(patch["parameters"]!.AsArray(), parameter => parameter!["name"]!.GetValue<string>() == "fieldValidation");
    }

    [Fact]
    public void BuildGroupVersionDocument_CustomKind_GetsCrdStyleSchemaAndList()
    {
        var document = OpenApiV3.BuildGroupVersionDocument("example.com", "v1", [Widget(WidgetSchema())]);
        var schemas = document["components"]!["schemas"]!.AsObject();

        var widget = schemas["com.example.v1.Widget"]!;
        Assert.Equal("#/components/schemas/" + BuiltInSchemas.ObjectMetaName, widget["properties"]!["metadata"]!["allOf"]![0]!["$ref"]!.GetValue<string>());
        Assert.Equal("string", widget["properties"]!["apiVersion"]!["type"]!.GetValue<string>());
        Assert.Equal("""[{"group":"example.com","kind":"Widget","version":"v1"}]""", widget["x-kubernetes-group-version-kind"]!.ToJsonString());
        Assert.Equal("#/components/schemas/com.example.v1.Widget", schemas["com.example.v1.WidgetList"]!["properties"]!["items"]!["items"]!["$ref"]!.GetValue<string>());
        Assert.True(schemas.ContainsKey(BuiltInSchemas.ListMetaName));
    }

    [Fact]
    public void BuildGroupVersionDocument_CoreClusterScopedKind_UsesApiV1Paths()
    {
        Assert.True(BuiltInSchemas.TryGetComponentName("", "v1", "Namespace", out var name));
        var resource = new OpenApiResource("", "v1", "Namespace", "namespaces", Namespaced: false, IsCustom: false, HasStatus: true, HasScale: false,
            BuiltInSchemas.Components[name]);

        var document = OpenApiV3.BuildGroupVersionDocument("", "v1", [resource]);

        var paths = document["paths"]!.AsObject().Select(pair => pair.Key).ToList();
        Assert.Equal(["/api/v1/namespaces", "/api/v1/namespaces/{name}", "/api/v1/namespaces/{name}/status"], paths);
        Assert.Equal("readCoreV1Namespace", document["paths"]!["/api/v1/namespaces/{name}"]!["get"]!["operationId"]!.GetValue<string>());
    }

    [Fact]
    public void BuildGroupVersionDocument_ExternalComponents_AreResolvedFromTheGivenDictionary()
    {
        var spec = new JsonObject { ["type"] = "object", ["properties"] = new JsonObject { ["size"] = new JsonObject { ["type"] = "integer" } } };
        var kind = new JsonObject
        {
            ["type"] = "object",
            ["properties"] = new JsonObject { ["spec"] = new JsonObject { ["$ref"] = "#/components/schemas/io.example.v1.GadgetSpec" } },
        };
        var resource = new OpenApiResource("example.io", "v1", "Gadget", "gadgets", true, true, false, false, kind) { SchemaName = "io.example.v1.Gadget" };

        var document = OpenApiV3.BuildGroupVersionDocument("example.io", "v1", [resource], new Dictionary<string, JsonObject> { ["io.example.v1.GadgetSpec"] = spec });

        var schemas = document["components"]!["schemas"]!.AsObject();
        Assert.True(schemas.ContainsKey("io.example.v1.Gadget"));
        Assert.Equal("integer", schemas["io.example.v1.GadgetSpec"]!["properties"]!["size"]!["type"]!.GetValue<string>());
    }

    [Fact]
    public void Render_SameDocumentTwice_HasStableHash()
    {
        var first = OpenApiV3.Render("apis/example.com/v1", OpenApiV3.BuildGroupVersionDocument("example.com", "v1", [Widget(WidgetSchema())]));
        var second = OpenApiV3.Render("apis/example.com/v1", OpenApiV3.BuildGroupVersionDocument("example.com", "v1", [Widget(WidgetSchema())]));

        Assert.Equal(first.Hash, second.Hash);
        Assert.Matches("^[0-9A-F]{128}$", first.Hash);
        Assert.Equal(OpenApiV3.ComputeHash(first.Utf8Json.Span), first.Hash);
    }

    [Fact]
    public void Render_ChangedSchema_ChangesHash()
    {
        var changedSchema = WidgetSchema();
        changedSchema["properties"]!["spec"]!["properties"]!["size"]!["maximum"] = 10;

        var before = OpenApiV3.Render("apis/example.com/v1", OpenApiV3.BuildGroupVersionDocument("example.com", "v1", [Widget(WidgetSchema())]));
        var after = OpenApiV3.Render("apis/example.com/v1", OpenApiV3.BuildGroupVersionDocument("example.com", "v1", [Widget(changedSchema)]));

        Assert.NotEqual(before.Hash, after.Hash);
        Assert.NotEqual(OpenApiV3.BuildIndex([before]).ToJsonString(), OpenApiV3.BuildIndex([after]).ToJsonString());
    }

    [Fact]
    public void BuildIndex_Documents_PointToHashedServerRelativeUrls()
    {
        var index = OpenApiV3.BuildIndex([new OpenApiIndexEntry("apis/apps/v1", "ABC"), new OpenApiIndexEntry("api/v1", "DEF")]);

        Assert.Equal(
            """{"paths":{"api/v1":{"serverRelativeURL":"/openapi/v3/api/v1?hash=DEF"},"apis/apps/v1":{"serverRelativeURL":"/openapi/v3/apis/apps/v1?hash=ABC"}}}""",
            index.ToJsonString());
    }

    [Theory]
    [InlineData("", "v1", "api/v1")]
    [InlineData("apps", "v1", "apis/apps/v1")]
    [InlineData("policy.karmada.io", "v1alpha1", "apis/policy.karmada.io/v1alpha1")]
    public void GroupVersionPath_Group_FollowsDiscoveryLayout(string group, string version, string expected) =>
        Assert.Equal(expected, OpenApiV3.GroupVersionPath(group, version));

    [Fact]
    public void OpenApiV2_Constants_AreWhatKubectlAccepts()
    {
        Assert.Equal("application/com.github.proto-openapi.spec.v2.v1.0+protobuf", OpenApiV2.ProtobufContentType);
        Assert.True(OpenApiV2.EmptyDocument.IsEmpty);
        Assert.Equal("application/json", OpenApiV3.ContentType);
        Assert.NotEmpty(Encoding.UTF8.GetBytes(OpenApiV3.BuildIndex(Array.Empty<OpenApiIndexEntry>()).ToJsonString()));
    }

    internal static JsonObject AppsDocument()
    {
        Assert.True(BuiltInSchemas.TryGetComponentName("apps", "v1", "Deployment", out var name));
        var deployment = new OpenApiResource("apps", "v1", "Deployment", "deployments", Namespaced: true, IsCustom: false, HasStatus: true, HasScale: true,
            BuiltInSchemas.Components[name]);
        return OpenApiV3.BuildGroupVersionDocument("apps", "v1", [deployment]);
    }

    internal static OpenApiResource Widget(JsonObject schema) =>
        new("example.com", "v1", "Widget", "widgets", Namespaced: true, IsCustom: true, HasStatus: true, HasScale: false, schema);

    internal static JsonObject WidgetSchema() => JsonNode.Parse("""
        {"type":"object","description":"Widget is an example custom resource.","properties":{
          "spec":{"type":"object","description":"Spec holds the desired widget.","properties":{
            "size":{"type":"integer","description":"Size of the widget in gadgets.","minimum":0}}},
          "status":{"type":"object","x-kubernetes-preserve-unknown-fields":true}}}
        """)!.AsObject();
}
