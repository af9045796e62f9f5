using System.Text.Json.Serialization;
using Karmada.Api.Meta;
using Karmada.Api.Serialization;

namespace Karmada.Api.Policy.V1Alpha1;

/// <summary>Automates taints on Cluster objects from declarative conditions: AddOnConditions add taints, RemoveOnConditions remove them; taints are never removed when the policy is deleted.</summary>
[KarmadaResource("policy.karmada.io", "v1alpha1", "ClusterTaintPolicy", "clustertaintpolicies", false, Singular = "clustertaintpolicy")]
public sealed class ClusterTaintPolicy : IKubernetesObject
{
    /// <summary><c>policy.karmada.io/v1alpha1</c>.</summary>
    public const string KubeApiVersion = "policy.karmada.io/v1alpha1";

    /// <summary><c>ClusterTaintPolicy</c>.</summary>
    public const string KubeKind = "ClusterTaintPolicy";

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

    /// <summary>The desired behavior of the ClusterTaintPolicy. Required.</summary>
    [JsonPropertyName("spec")]
    public ClusterTaintPolicySpec Spec { get; set; } = new();
}
