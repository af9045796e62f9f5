using System.Text.Json.Serialization;
using Karmada.Api.Core;
using Karmada.Api.Meta;
using Karmada.Api.Serialization;

namespace Karmada.Api.Networking.V1Alpha1;

/// <summary>Rules that let inbound connections reach backends across clusters; the same structure as Ingress.</summary>
[KarmadaResource("networking.karmada.io", "v1alpha1", "MultiClusterIngress", "multiclusteringresses", true, Singular = "multiclusteringress", ShortNames = ["mci"], Categories = ["karmada-io"], HasStatus = true)]
public sealed class MultiClusterIngress : IKubernetesObject
{
    /// <summary><c>networking.karmada.io/v1alpha1</c>.</summary>
    public const string KubeApiVersion = "networking.karmada.io/v1alpha1";

    /// <summary><c>MultiClusterIngress</c>.</summary>
    public const string KubeKind = "MultiClusterIngress";

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

    /// <summary>The desired state of the MultiClusterIngress.</summary>
    [JsonPropertyName("spec")]
    public IngressSpec Spec { get; set; } = new();

    /// <summary>The current state of the MultiClusterIngress.</summary>
    [JsonPropertyName("status")]
    public MultiClusterIngressStatus Status { get; set; } = new();
}
