using System.Text.Json.Serialization;
using Karmada.Api.Meta;
using Karmada.Api.Serialization;

namespace Karmada.Api.Policy.V1Alpha1;

/// <summary>A cluster-wide policy that propagates cluster-scoped resources and resources in any namespace except the reserved ones (karmada-system, karmada-cluster, karmada-es-*).</summary>
[KarmadaResource("policy.karmada.io", "v1alpha1", "ClusterPropagationPolicy", "clusterpropagationpolicies", false, Singular = "clusterpropagationpolicy", ShortNames = ["cpp"], Categories = ["karmada-io"])]
[KarmadaPrinterColumn("CONFLICT-RESOLUTION", "string", ".spec.conflictResolution")]
[KarmadaPrinterColumn("PRIORITY", "string", ".spec.priority")]
[KarmadaPrinterColumn("AGE", "date", ".metadata.creationTimestamp")]
public sealed class ClusterPropagationPolicy : IKubernetesObject
{
    /// <summary><c>policy.karmada.io/v1alpha1</c>.</summary>
    public const string KubeApiVersion = "policy.karmada.io/v1alpha1";

    /// <summary><c>ClusterPropagationPolicy</c>.</summary>
    public const string KubeKind = "ClusterPropagationPolicy";

    /// <inheritdoc />
    [JsonPropertyName("apiVersion")]
    [OmitEmpty]
    public string ApiVersion { get; set; } = KubeApiVersion;

    /// <inheritdoc />
    [JsonPropertyName("kind")]
    [OmitEmpty]
    public string Kind { get; set; } = KubeKind;

    /// <inheritdoc />
    [JsonPropertyName("metadata")]
    public ObjectMeta Metadata { get; set; } = new();

    /// <summary>The desired behavior of the ClusterPropagationPolicy. Required.</summary>
    [JsonPropertyName("spec")]
    public PropagationSpec Spec { get; set; } = new();
}
