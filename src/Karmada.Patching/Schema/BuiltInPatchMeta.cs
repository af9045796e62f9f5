using System.Collections.Frozen;
using System.Diagnostics.CodeAnalysis;
using System.Text.Json.Nodes;

namespace Karmada.Patching.Schema;

/// <summary>
/// Patch metadata of the Kubernetes built-in kinds, the ones kubectl sends strategic merge patches for.
/// </summary>
public static class BuiltInPatchMeta
{
    private static readonly FrozenDictionary<(string Group, string Kind), (string[] Versions, PatchMeta Meta)> Kinds =
        new Dictionary<(string Group, string Kind), (string[] Versions, PatchMeta Meta)>
        {
            [("", "Pod")] = (["v1"], CorePatchMeta.Pod),
            [("", "PodTemplate")] = (["v1"], CorePatchMeta.PodTemplate),
            [("", "ReplicationController")] = (["v1"], CorePatchMeta.ReplicationController),
            [("", "Service")] = (["v1"], CorePatchMeta.Service),
            [("", "Endpoints")] = (["v1"], CorePatchMeta.Endpoints),
            [("", "Node")] = (["v1"], CorePatchMeta.Node),
            [("", "Namespace")] = (["v1"], CorePatchMeta.Namespace),
            [("", "ConfigMap")] = (["v1"], CorePatchMeta.ConfigMap),
            [("", "Secret")] = (["v1"], CorePatchMeta.Secret),
            [("", "ServiceAccount")] = (["v1"], CorePatchMeta.ServiceAccount),
            [("", "PersistentVolumeClaim")] = (["v1"], CorePatchMeta.PersistentVolumeClaim),
            [("", "PersistentVolume")] = (["v1"], CorePatchMeta.PersistentVolume),
            [("", "ResourceQuota")] = (["v1"], CorePatchMeta.ResourceQuota),
            [("", "LimitRange")] = (["v1"], CorePatchMeta.LimitRange),
            [("", "Event")] = (["v1"], CorePatchMeta.Generic),
            [("events.k8s.io", "Event")] = (["v1"], CorePatchMeta.Generic),
            [("apps", "Deployment")] = (["v1"], WorkloadPatchMeta.Deployment),
            [("apps", "StatefulSet")] = (["v1"], WorkloadPatchMeta.StatefulSet),
            [("apps", "DaemonSet")] = (["v1"], WorkloadPatchMeta.DaemonSet),
            [("apps", "ReplicaSet")] = (["v1"], WorkloadPatchMeta.ReplicaSet),
            [("apps", "ControllerRevision")] = (["v1"], WorkloadPatchMeta.ControllerRevision),
            [("batch", "Job")] = (["v1"], WorkloadPatchMeta.Job),
            [("batch", "CronJob")] = (["v1"], WorkloadPatchMeta.CronJob),
            [("autoscaling", "HorizontalPodAutoscaler")] = (["v1", "v2"], WorkloadPatchMeta.HorizontalPodAutoscaler),
            [("policy", "PodDisruptionBudget")] = (["v1"], WorkloadPatchMeta.PodDisruptionBudget),
            [("networking.k8s.io", "Ingress")] = (["v1"], WorkloadPatchMeta.Ingress),
            [("networking.k8s.io", "IngressClass")] = (["v1"], CorePatchMeta.Generic),
            [("networking.k8s.io", "NetworkPolicy")] = (["v1"], WorkloadPatchMeta.NetworkPolicy),
            [("rbac.authorization.k8s.io", "Role")] = (["v1"], WorkloadPatchMeta.Role),
            [("rbac.authorization.k8s.io", "ClusterRole")] = (["v1"], WorkloadPatchMeta.ClusterRole),
            [("rbac.authorization.k8s.io", "RoleBinding")] = (["v1"], WorkloadPatchMeta.RoleBinding),
            [("rbac.authorization.k8s.io", "ClusterRoleBinding")] = (["v1"], WorkloadPatchMeta.RoleBinding),
            [("coordination.k8s.io", "Lease")] = (["v1"], CorePatchMeta.Generic),
            [("storage.k8s.io", "StorageClass")] = (["v1"], WorkloadPatchMeta.StorageClass),
            [("discovery.k8s.io", "EndpointSlice")] = (["v1"], WorkloadPatchMeta.EndpointSlice),
            [("scheduling.k8s.io", "PriorityClass")] = (["v1"], CorePatchMeta.Generic),
            [("node.k8s.io", "RuntimeClass")] = (["v1"], CorePatchMeta.Generic),
            [("admissionregistration.k8s.io", "MutatingWebhookConfiguration")] = (["v1"], WorkloadPatchMeta.WebhookConfiguration),
            [("admissionregistration.k8s.io", "ValidatingWebhookConfiguration")] = (["v1"], WorkloadPatchMeta.WebhookConfiguration),
        }.ToFrozenDictionary();

    /// <summary>Metadata of any object whose kind is not known: only <c>metadata</c> is described.</summary>
    public static PatchMeta Generic => CorePatchMeta.Generic;

    /// <summary><c>metav1.ObjectMeta</c>: labels and annotations maps, finalizers set, owner references keyed by uid.</summary>
    public static PatchMeta ObjectMeta => CorePatchMeta.ObjectMeta;

    /// <summary><c>core/v1 PodSpec</c>.</summary>
    public static PatchMeta PodSpec => CorePatchMeta.PodSpec;

    /// <summary><c>core/v1 PodTemplateSpec</c>.</summary>
    public static PatchMeta PodTemplateSpec => CorePatchMeta.PodTemplateSpec;

    /// <summary>Looks up a built-in kind (<paramref name="group"/> is empty for the core group).</summary>
    public static bool TryGet(string group, string version, string kind, [NotNullWhen(true)] out PatchMeta? meta)
    {
        ArgumentNullException.ThrowIfNull(group);
        ArgumentNullException.ThrowIfNull(version);
        ArgumentNullException.ThrowIfNull(kind);
        if (Kinds.TryGetValue((group, kind), out var entry) && entry.Versions.Contains(version, StringComparer.Ordinal))
        {
            meta = entry.Meta;
            return true;
        }

        meta = null;
        return false;
    }

    /// <summary>
    /// The metadata of a kind; kinds without a table get <see cref="Generic"/>, under which everything outside
    /// <c>metadata</c> behaves like JSON merge patch (lists replaced).
    /// </summary>
    public static PatchMeta For(string group, string version, string kind) =>
        TryGet(group, version, kind, out var meta) ? meta : Generic;

    /// <summary>
    /// The metadata of a custom resource from its structural OpenAPI v3 schema (the CRD version's
    /// <c>schema.openAPIV3Schema</c>), with <c>metadata</c> described as <see cref="ObjectMeta"/>.
    /// </summary>
    public static PatchMeta ForCustomResource(JsonObject? openApiV3Schema)
    {
        var root = openApiV3Schema is null ? PatchMeta.Unknown : OpenApiPatchMeta.FromSchema(openApiV3Schema);
        return root.WithFields(
            ("apiVersion", PatchMeta.Scalar),
            ("kind", PatchMeta.Scalar),
            ("metadata", CorePatchMeta.ObjectMeta.AsAlwaysSerialized()));
    }
}
