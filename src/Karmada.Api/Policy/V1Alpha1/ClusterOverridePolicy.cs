using System.Text.Json.Serialization;
using Karmada.Api.Meta;
using Karmada.Api.Serialization;

namespace Karmada.Api.Policy.V1Alpha1;

/// <summary>A cluster-wide policy that overrides a group of resources per target cluster.</summary>
[KarmadaResource("policy.karmada.io", "v1alpha1", "ClusterOverridePolicy", "clusteroverridepolicies", false, Singular = "clusteroverridepolicy", ShortNames = ["cop"], Categories = ["karmada-io"])]
public sealed class ClusterOverridePolicy : IKubernetesObject
{
    /// <summary><c>policy.karmada.io/v1alpha1</c>.</summary>
    public const string KubeApiVersion = "policy.karmada.io/v1alpha1";

    /// <summary><c>ClusterOverridePolicy</c>.</summary>
    public const string KubeKind = "ClusterOverridePolicy";

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

    /// <summary>The desired behavior of the ClusterOverridePolicy. Required.</summary>
    [JsonPropertyName("spec")]
    public OverrideSpec Spec { get; set; } = new();
}
