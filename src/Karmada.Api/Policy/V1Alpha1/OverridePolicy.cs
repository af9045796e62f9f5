using System.Text.Json.Serialization;
using Karmada.Api.Meta;
using Karmada.Api.Serialization;

namespace Karmada.Api.Policy.V1Alpha1;

/// <summary>A policy that overrides a group of resources in its namespace per target cluster.</summary>
[KarmadaResource("policy.karmada.io", "v1alpha1", "OverridePolicy", "overridepolicies", true, Singular = "overridepolicy", ShortNames = ["op"], Categories = ["karmada-io"])]
public sealed class OverridePolicy : IKubernetesObject
{
    /// <summary><c>policy.karmada.io/v1alpha1</c>.</summary>
    public const string KubeApiVersion = "policy.karmada.io/v1alpha1";

    /// <summary><c>OverridePolicy</c>.</summary>
    public const string KubeKind = "OverridePolicy";

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

    /// <summary>The desired behavior of the OverridePolicy. Required.</summary>
    [JsonPropertyName("spec")]
    public OverrideSpec Spec { get; set; } = new();
}
