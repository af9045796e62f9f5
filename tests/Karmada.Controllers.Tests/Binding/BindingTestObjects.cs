using System.Text.Json.Nodes;
using Karmada.Api;
using Karmada.Api.Policy.V1Alpha1;
using Karmada.Api.Work.V1Alpha2;
using Karmada.Controllers.Binding;
using ClusterV1Alpha1 = Karmada.Api.Cluster.V1Alpha1;

namespace Karmada.Controllers.Tests.Binding;

/// <summary>Objects the binding controller tests share: a Deployment template, its binding, clusters and overrides.</summary>
internal static class BindingTestObjects
{
    public const string TemplateUid = "3f0c7a8e-0000-4000-8000-000000000001";

    public static JsonObject Deployment(int replicas = 4, string name = "nginx", string ns = "default") => JsonNode.Parse($$"""
        {
          "apiVersion": "apps/v1",
          "kind": "Deployment",
          "metadata": {
            "name": "{{name}}",
            "namespace": "{{ns}}",
            "uid": "{{TemplateUid}}",
            "resourceVersion": "42",
            "generation": 3,
            "creationTimestamp": "2026-01-01T00:00:00Z",
            "labels": { "app": "nginx" },
            "annotations": { "deployment.kubernetes.io/revision": "2" },
            "managedFields": [ { "manager": "kubectl" } ]
          },
          "spec": {
            "replicas": {{replicas}},
            "selector": { "matchLabels": { "app": "nginx" } },
            "template": {
              "metadata": { "labels": { "app": "nginx" } },
              "spec": { "containers": [ { "name": "nginx", "image": "docker.io/library/nginx:1.25" } ] }
            }
          },
          "status": { "replicas": 4 }
        }
        """)!.AsObject();

    public static BindingView BindingOf(int replicas, params (string Cluster, int Replicas)[] clusters) => new(
        false,
        "default",
        "nginx-deployment",
        "rb-permanent-id",
        new ResourceBindingSpec
        {
            Resource = new ObjectReference { ApiVersion = "apps/v1", Kind = "Deployment", Namespace = "default", Name = "nginx", Uid = TemplateUid },
            Replicas = replicas,
            Clusters = [.. clusters.Select(c => new TargetCluster { Name = c.Cluster, Replicas = c.Replicas })],
            Placement = new Placement { ReplicaScheduling = new ReplicaSchedulingStrategy { ReplicaSchedulingType = ReplicaSchedulingType.Divided } },
        });

    public static Dictionary<string, ClusterV1Alpha1.Cluster> Clusters(params string[] names) =>
        names.ToDictionary(n => n, n => new ClusterV1Alpha1.Cluster { Metadata = { Name = n } });

    /// <summary>An OverridePolicy in default for Deployments, on <paramref name="cluster"/>: registry replaced, a label added.</summary>
    public static OverridePolicy RegistryOverride(string cluster, string registry = "registry.member1.io", string name = "nginx-override") =>
        KarmadaJson.Deserialize<OverridePolicy>($$"""
        {
          "apiVersion": "policy.karmada.io/v1alpha1",
          "kind": "OverridePolicy",
          "metadata": { "name": "{{name}}", "namespace": "default" },
          "spec": {
            "resourceSelectors": [ { "apiVersion": "apps/v1", "kind": "Deployment", "name": "nginx" } ],
            "overrideRules": [
              {
                "targetCluster": { "clusterNames": [ "{{cluster}}" ] },
                "overriders": {
                  "imageOverrider": [ { "component": "Registry", "operator": "replace", "value": "{{registry}}" } ],
                  "labelsOverrider": [ { "operator": "add", "value": { "env": "{{cluster}}" } } ]
                }
              }
            ]
          }
        }
        """);

    public static string? Image(JsonObject manifest) =>
        manifest["spec"]?["template"]?["spec"]?["containers"]?[0]?["image"]?.GetValue<string>();

    public static string? Label(JsonObject manifest, string key) => manifest["metadata"]?["labels"]?[key]?.GetValue<string>();

    public static string? Annotation(JsonObject manifest, string key) => manifest["metadata"]?["annotations"]?[key]?.GetValue<string>();
}
