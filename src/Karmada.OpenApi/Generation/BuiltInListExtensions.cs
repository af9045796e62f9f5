using System.Text.Json.Nodes;

namespace Karmada.OpenApi.Generation;

/// <summary>
/// The <c>patchStrategy</c>/<c>patchMergeKey</c> tags and <c>+listType</c>/<c>+listMapKeys</c> markers of the
/// k8s.io/api fields that matter most, which the KubernetesClient models do not carry. kubectl 1.29+ computes
/// strategic merge patches from these OpenAPI v3 extensions, so without them it would replace whole lists
/// (containers, env, ports, volumes) instead of merging them by key, and removals would not reach the server.
/// </summary>
internal static class BuiltInListExtensions
{
    private const string Core = "io.k8s.api.core.v1.";
    private const string Meta = "io.k8s.apimachinery.pkg.apis.meta.v1.";

    private static readonly (string Component, string Property, Extension Extension)[] Entries =
    [
        (Meta + "ObjectMeta", "finalizers", new("merge", null, "set")),
        (Meta + "ObjectMeta", "ownerReferences", new("merge", "uid", "map", "uid")),
        (Meta + "ObjectMeta", "managedFields", Atomic()),
        (Core + "PodSpec", "volumes", new("merge,retainKeys", "name", "map", "name")),
        (Core + "PodSpec", "initContainers", new("merge", "name", "map", "name")),
        (Core + "PodSpec", "containers", new("merge", "name", "map", "name")),
        (Core + "PodSpec", "ephemeralContainers", new("merge", "name", "map", "name")),
        (Core + "PodSpec", "imagePullSecrets", new("merge", "name", "map", "name")),
        (Core + "PodSpec", "hostAliases", new("merge", "ip", "map", "ip")),
        (Core + "PodSpec", "topologySpreadConstraints", new("merge", "topologyKey", "map", "topologyKey", "whenUnsatisfiable")),
        (Core + "PodSpec", "resourceClaims", new("merge,retainKeys", "name", "map", "name")),
        (Core + "PodSpec", "schedulingGates", new("merge", "name", "map", "name")),
        (Core + "PodSpec", "tolerations", Atomic()),
        (Core + "PodSpec", "readinessGates", Atomic()),
        (Core + "Container", "ports", new("merge", "containerPort", "map", "containerPort", "protocol")),
        (Core + "Container", "env", new("merge", "name", "map", "name")),
        (Core + "Container", "volumeMounts", new("merge", "mountPath", "map", "mountPath")),
        (Core + "Container", "volumeDevices", new("merge", "devicePath", "map", "devicePath")),
        (Core + "Container", "command", Atomic()),
        (Core + "Container", "args", Atomic()),
        (Core + "Container", "envFrom", Atomic()),
        (Core + "EphemeralContainer", "ports", new("merge", "containerPort", "map", "containerPort", "protocol")),
        (Core + "EphemeralContainer", "env", new("merge", "name", "map", "name")),
        (Core + "EphemeralContainer", "volumeMounts", new("merge", "mountPath", "map", "mountPath")),
        (Core + "EphemeralContainer", "volumeDevices", new("merge", "devicePath", "map", "devicePath")),
        (Core + "ResourceRequirements", "claims", new(null, null, "map", "name")),
        (Core + "ServiceSpec", "ports", new("merge", "port", "map", "port", "protocol")),
        (Core + "ServiceSpec", "clusterIPs", Atomic()),
        (Core + "ServiceSpec", "ipFamilies", Atomic()),
        (Core + "ServiceStatus", "conditions", new("merge", "type", "map", "type")),
        (Core + "ServiceAccount", "secrets", new("merge", "name", "map", "name")),
        (Core + "PodStatus", "conditions", new("merge", "type", "map", "type")),
        (Core + "PodStatus", "podIPs", new("merge", "ip", "map", "ip")),
        (Core + "NodeSpec", "podCIDRs", new("merge", null, "set")),
        (Core + "NodeSpec", "taints", Atomic()),
        (Core + "NodeStatus", "conditions", new("merge", "type", "map", "type")),
        (Core + "NodeStatus", "addresses", new("merge", "type", "map", "type")),
        (Core + "NamespaceStatus", "conditions", new("merge", "type", "map", "type")),
        (Core + "PersistentVolumeClaimStatus", "conditions", new("merge", "type", "map", "type")),
        (Core + "ReplicationControllerStatus", "conditions", new("merge", "type", "map", "type")),
        ("io.k8s.api.apps.v1.DeploymentSpec", "strategy", new("retainKeys", null, null)),
        ("io.k8s.api.apps.v1.DeploymentStatus", "conditions", new("merge", "type", "map", "type")),
        ("io.k8s.api.apps.v1.ReplicaSetStatus", "conditions", new("merge", "type", "map", "type")),
        ("io.k8s.api.apps.v1.StatefulSetStatus", "conditions", new("merge", "type", "map", "type")),
        ("io.k8s.api.apps.v1.DaemonSetStatus", "conditions", new("merge", "type", "map", "type")),
        ("io.k8s.api.apps.v1.StatefulSetSpec", "volumeClaimTemplates", Atomic()),
        ("io.k8s.api.batch.v1.JobStatus", "conditions", Atomic()),
        ("io.k8s.api.autoscaling.v2.HorizontalPodAutoscalerSpec", "metrics", Atomic()),
        ("io.k8s.api.autoscaling.v2.HorizontalPodAutoscalerStatus", "conditions", new("merge", "type", "map", "type")),
        ("io.k8s.api.policy.v1.PodDisruptionBudgetStatus", "conditions", new("merge", "type", "map", "type")),
        ("io.k8s.api.rbac.v1.Role", "rules", Atomic()),
        ("io.k8s.api.rbac.v1.ClusterRole", "rules", Atomic()),
        ("io.k8s.api.rbac.v1.RoleBinding", "subjects", Atomic()),
        ("io.k8s.api.rbac.v1.ClusterRoleBinding", "subjects", Atomic()),
    ];

    /// <summary>Adds the extensions to the generated components (in place).</summary>
    public static void Apply(IReadOnlyDictionary<string, JsonObject> components)
    {
        foreach (var (component, property, extension) in Entries)
        {
            if (!components.TryGetValue(component, out var schema) || schema["properties"]?[property] is not JsonObject field)
            {
                continue;
            }

            if (extension.PatchStrategy is not null)
            {
                field["x-kubernetes-patch-strategy"] = extension.PatchStrategy;
            }

            if (extension.MergeKey is not null)
            {
                field["x-kubernetes-patch-merge-key"] = extension.MergeKey;
            }

            if (extension.ListType is not null && field["type"]?.GetValue<string>() == "array")
            {
                field["x-kubernetes-list-type"] = extension.ListType;
                if (extension.MapKeys.Length > 0)
                {
                    field["x-kubernetes-list-map-keys"] = new JsonArray(extension.MapKeys.Select(key => (JsonNode?)key).ToArray());
                }
            }
        }
    }

    private static Extension Atomic() => new(null, null, "atomic");

    private sealed record Extension(string? PatchStrategy, string? MergeKey, string? ListType, params string[] MapKeys);
}
