using System.Text.Json.Serialization;
using Karmada.Api.Meta;
using Karmada.Api.Serialization;

namespace Karmada.Api.Policy.V1Alpha1;

/// <summary>A policy that propagates a group of resources in its namespace to one or more clusters.</summary>
[KarmadaResource("policy.karmada.io", "v1alpha1", "PropagationPolicy", "propagationpolicies", true, Singular = "propagationpolicy", ShortNames = ["pp"], Categories = ["karmada-io"])]
[KarmadaPrinterColumn("CONFLICT-RESOLUTION", "string", ".spec.conflictResolution")]
[KarmadaPrinterColumn("PRIORITY", "string", ".spec.priority")]
[KarmadaPrinterColumn("AGE", "date", ".metadata.creationTimestamp")]
public sealed class PropagationPolicy : IKubernetesObject
{
    /// <summary><c>policy.karmada.io/v1alpha1</c>.</summary>
    public const string KubeApiVersion = "policy.karmada.io/v1alpha1";

    /// <summary><c>PropagationPolicy</c>.</summary>
    public const string KubeKind = "PropagationPolicy";

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

    /// <summary>The desired behavior of the PropagationPolicy. Required.</summary>
    [JsonPropertyName("spec")]
    public PropagationSpec Spec { get; set; } = new();
}
