using System.Text.Json.Serialization;
using Karmada.Api.Core;
using Karmada.Api.Meta;
using Karmada.Api.Serialization;

namespace Karmada.Api.Networking.V1Alpha1;

/// <summary>A multi-cluster service: exposes the Service of the same name across clusters and enables cross-cluster discovery.</summary>
[KarmadaResource("networking.karmada.io", "v1alpha1", "MultiClusterService", "multiclusterservices", true, Singular = "multiclusterservice", ShortNames = ["mcs"], Categories = ["karmada-io"], HasStatus = true)]
public sealed class MultiClusterService : IKubernetesObject
{
    /// <summary><c>networking.karmada.io/v1alpha1</c>.</summary>
    public const string KubeApiVersion = "networking.karmada.io/v1alpha1";

    /// <summary><c>MultiClusterService</c>.</summary>
    public const string KubeKind = "MultiClusterService";

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

    /// <summary>The desired state of the MultiClusterService. Required.</summary>
    [JsonPropertyName("spec")]
    public MultiClusterServiceSpec Spec { get; set; } = new();

    /// <summary>The current state of the MultiClusterService.</summary>
    [JsonPropertyName("status")]
    public ServiceStatus Status { get; set; } = new();
}
