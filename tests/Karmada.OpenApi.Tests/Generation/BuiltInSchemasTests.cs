using System.Text.Json.Nodes;
using k8s.Models;
using Karmada.OpenApi.Generation;
using Karmada.OpenApi.Structural;

namespace Karmada.OpenApi.Tests.Generation;

public sealed class BuiltInSchemasTests
{
    [Fact]
    public void Components_Deployment_HasUpstreamNameAndGroupVersionKind()
    {
        var deployment = BuiltInSchemas.Components["io.k8s.api.apps.v1.Deployment"];

        Assert.Equal("Deployment enables declarative updates for Pods and ReplicaSets.", deployment["description"]!.GetValue<string>());
        var gvk = Assert.Single(deployment["x-kubernetes-group-version-kind"]!.AsArray())!;
        Assert.Equal("""{"group":"apps","kind":"Deployment","version":"v1"}""", gvk.ToJsonString());
        Assert.Equal("#/components/schemas/io.k8s.api.apps.v1.DeploymentSpec", deployment["properties"]!["spec"]!["allOf"]![0]!["$ref"]!.GetValue<string>());
        Assert.Equal("#/components/schemas/io.k8s.apimachinery.pkg.apis.meta.v1.ObjectMeta", deployment["properties"]!["metadata"]!["allOf"]![0]!["$ref"]!.GetValue<string>());
    }

    [Fact]
    public void Components_DeploymentSpecReplicas_IsDescribedInt32()
    {
        var replicas = BuiltInSchemas.Components["io.k8s.api.apps.v1.DeploymentSpec"]["properties"]!["replicas"]!;

        Assert.Equal("integer", replicas["type"]!.GetValue<string>());
        Assert.Equal("int32", replicas["format"]!.GetValue<string>());
        Assert.Equal(
            "Number of desired pods. This is a pointer to distinguish between explicit zero and not specified. Defaults to 1.",
            replicas["description"]!.GetValue<string>());
    }

    [Fact]
    public void Components_PodSpecContainers_ReferenceContainerWithNameAndImage()
    {
        var containers = BuiltInSchemas.Components["io.k8s.api.core.v1.PodSpec"]["properties"]!["containers"]!;
        var container = BuiltInSchemas.Components["io.k8s.api.core.v1.Container"];

        Assert.Equal("array", containers["type"]!.GetValue<string>());
        Assert.Equal("#/components/schemas/io.k8s.api.core.v1.Container", containers["items"]!["$ref"]!.GetValue<string>());
        Assert.StartsWith("Name of the container specified as a DNS_LABEL.", container["properties"]!["name"]!["description"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.StartsWith("Container image name.", container["properties"]!["image"]!["description"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Fact]
    public void Components_MultiParagraphDescription_KeepsParagraphBreaks()
    {
        var generateName = BuiltInSchemas.Components[BuiltInSchemas.ObjectMetaName]["properties"]!["generateName"]!["description"]!.GetValue<string>();

        Assert.Contains("unique on the server.\n\nIf this field is specified and the generated name exists, the server will return a 409.\n\nApplied only", generateName, StringComparison.Ordinal);
    }

    [Fact]
    public void Components_SpecialTypes_FollowUpstreamAndTheCrdDialect()
    {
        var port = BuiltInSchemas.Components["io.k8s.api.core.v1.ServicePort"]["properties"]!["targetPort"]!;
        var intOrString = BuiltInSchemas.Components[BuiltInSchemas.IntOrStringName];
        var quantity = BuiltInSchemas.Components[BuiltInSchemas.QuantityName];
        var created = BuiltInSchemas.Components[BuiltInSchemas.ObjectMetaName]["properties"]!["creationTimestamp"]!;
        var data = BuiltInSchemas.Components["io.k8s.api.core.v1.Secret"]["properties"]!["data"]!;
        var revision = BuiltInSchemas.Components["io.k8s.api.apps.v1.ControllerRevision"]["properties"]!["data"]!;

        Assert.Equal("#/components/schemas/" + BuiltInSchemas.IntOrStringName, port["allOf"]![0]!["$ref"]!.GetValue<string>());
        Assert.True(intOrString["x-kubernetes-int-or-string"]!.GetValue<bool>());
        Assert.True(quantity["x-kubernetes-int-or-string"]!.GetValue<bool>());
        Assert.Equal("#/components/schemas/" + BuiltInSchemas.TimeName, created["allOf"]![0]!["$ref"]!.GetValue<string>());
        Assert.Equal("date-time", BuiltInSchemas.Components[BuiltInSchemas.TimeName]["format"]!.GetValue<string>());
        Assert.Equal("byte", data["additionalProperties"]!["format"]!.GetValue<string>());
        Assert.True(revision["x-kubernetes-preserve-unknown-fields"]!.GetValue<bool>());
    }

    [Theory]
    [InlineData(typeof(V1PodTemplateSpec), "io.k8s.api.core.v1.PodTemplateSpec")]
    [InlineData(typeof(V1DeploymentStrategy), "io.k8s.api.apps.v1.DeploymentStrategy")]
    [InlineData(typeof(V1LabelSelector), "io.k8s.apimachinery.pkg.apis.meta.v1.LabelSelector")]
    [InlineData(typeof(V1OwnerReference), "io.k8s.apimachinery.pkg.apis.meta.v1.OwnerReference")]
    [InlineData(typeof(Corev1Event), "io.k8s.api.core.v1.Event")]
    [InlineData(typeof(Eventsv1Event), "io.k8s.api.events.v1.Event")]
    [InlineData(typeof(V1ClusterRole), "io.k8s.api.rbac.v1.ClusterRole")]
    [InlineData(typeof(V1CustomResourceDefinition), "io.k8s.apiextensions-apiserver.pkg.apis.apiextensions.v1.CustomResourceDefinition")]
    [InlineData(typeof(V1JSONSchemaProps), "io.k8s.apiextensions-apiserver.pkg.apis.apiextensions.v1.JSONSchemaProps")]
    [InlineData(typeof(V2HorizontalPodAutoscalerSpec), "io.k8s.api.autoscaling.v2.HorizontalPodAutoscalerSpec")]
    public void TryGetComponentName_ModelType_IsNamedLikeUpstream(Type type, string expected)
    {
        Assert.True(BuiltInSchemas.TryGetComponentName(type, out var name));
        Assert.Equal(expected, name);
    }

    [Fact]
    public void Kinds_IncludeCoreAndGroupedKindsWithPlurals()
    {
        Assert.Contains(BuiltInSchemas.Kinds, kind => kind is { Group: "", Version: "v1", Kind: "ConfigMap", Plural: "configmaps" });
        Assert.Contains(BuiltInSchemas.Kinds, kind => kind is { Group: "apps", Version: "v1", Kind: "Deployment", Plural: "deployments", ComponentName: "io.k8s.api.apps.v1.Deployment" });
        Assert.True(BuiltInSchemas.TryGetComponentName("", "v1", "ConfigMap", out var configMap));
        Assert.Equal("io.k8s.api.core.v1.ConfigMap", configMap);
    }

    [Fact]
    public void Components_NonNullableValueProperties_AreRequired()
    {
        var required = BuiltInSchemas.Components["io.k8s.api.apps.v1.ReplicaSetStatus"]["required"]!.AsArray().Select(node => node!.GetValue<string>());

        Assert.Contains("replicas", required);
    }

    [Fact]
    public void TryGetStructural_Deployment_InlinesReferencesWithoutDescriptions()
    {
        Assert.True(BuiltInSchemas.TryGetStructural("apps", "v1", "Deployment", out var schema));

        var container = schema["properties"]!["spec"]!["properties"]!["template"]!["properties"]!["spec"]!["properties"]!["containers"]!["items"]!;
        Assert.Equal("string", container["properties"]!["name"]!["type"]!.GetValue<string>());
        Assert.Equal("integer", schema["properties"]!["spec"]!["properties"]!["replicas"]!["type"]!.GetValue<string>());
        Assert.DoesNotContain("$ref", schema.ToJsonString(), StringComparison.Ordinal);
        Assert.DoesNotContain("\"description\"", schema.ToJsonString(), StringComparison.Ordinal);
    }

    [Fact]
    public void TryGetStructural_UnknownKind_ReturnsFalse()
    {
        Assert.False(BuiltInSchemas.TryGetStructural("example.com", "v1", "Widget", out _));
    }

    [Fact]
    public void TryGetStructural_Deployment_ValidatesAndPrunesObjects()
    {
        Assert.True(BuiltInSchemas.TryGetStructural("apps", "v1", "Deployment", out var schema));
        var deployment = JsonNode.Parse("""
            {"apiVersion":"apps/v1","kind":"Deployment","metadata":{"name":"web","labels":{"app":"web"}},
             "spec":{"replicas":"two","foo":1,"selector":{"matchLabels":{"app":"web"}},
               "template":{"metadata":{"labels":{"app":"web"}},"spec":{"containers":[{"name":"nginx","image":"nginx","bogus":true,
                 "ports":[{"containerPort":80}],"resources":{"limits":{"cpu":"500m","memory":1024}}}]}}}}
            """);

        var pruned = SchemaPruner.Prune(deployment, schema);
        var errors = SchemaValidator.Validate(deployment, schema);

        Assert.Equal(["spec.foo", "spec.template.spec.containers[0].bogus"], pruned);
        Assert.Equal("spec.replicas: Invalid value: \"string\": spec.replicas in body must be of type integer: \"string\"", Assert.Single(errors).ToString());
    }

    [Fact]
    public void TryGetStructural_RecursiveSchema_CutsTheCycle()
    {
        Assert.True(BuiltInSchemas.TryGetStructural("apiextensions.k8s.io", "v1", "CustomResourceDefinition", out var schema));

        var openApi = schema["properties"]!["spec"]!["properties"]!["versions"]!["items"]!["properties"]!["schema"]!["properties"]!["openAPIV3Schema"]!;
        var nested = openApi["properties"]!["properties"]!["additionalProperties"]!;
        Assert.True(nested["x-kubernetes-preserve-unknown-fields"]!.GetValue<bool>());
    }

    [Fact]
    public void Components_PodSpecContainers_CarryPatchMergeKeyAndListMapKeys()
    {
        var containers = BuiltInSchemas.Components["io.k8s.api.core.v1.PodSpec"]["properties"]!["containers"]!;
        var ports = BuiltInSchemas.Components["io.k8s.api.core.v1.Container"]["properties"]!["ports"]!;

        Assert.Equal("merge", containers["x-kubernetes-patch-strategy"]!.GetValue<string>());
        Assert.Equal("name", containers["x-kubernetes-patch-merge-key"]!.GetValue<string>());
        Assert.Equal("map", containers["x-kubernetes-list-type"]!.GetValue<string>());
        Assert.Equal("""["containerPort","protocol"]""", ports["x-kubernetes-list-map-keys"]!.ToJsonString());
        Assert.Equal("retainKeys", BuiltInSchemas.Components["io.k8s.api.apps.v1.DeploymentSpec"]["properties"]!["strategy"]!["x-kubernetes-patch-strategy"]!.GetValue<string>());
    }

    [Fact]
    public void TryGetStructural_DeploymentWithDuplicateContainerNames_ReportsDuplicate()
    {
        Assert.True(BuiltInSchemas.TryGetStructural("apps", "v1", "Deployment", out var schema));
        var deployment = JsonNode.Parse("""
            {"spec":{"selector":{},"template":{"spec":{"containers":[{"name":"a","image":"x"},{"name":"a","image":"y"}]}}}}
            """);

        var error = Assert.Single(SchemaValidator.Validate(deployment, schema));

        Assert.Equal("spec.template.spec.containers[1]: Duplicate value: map[string]interface {}{\"name\":\"a\"}", error.ToString());
    }
}
