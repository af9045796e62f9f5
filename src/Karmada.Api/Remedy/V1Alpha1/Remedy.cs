using System.Text.Json.Serialization;
using Karmada.Api.Meta;
using Karmada.Api.Serialization;

namespace Karmada.Api.Remedy.V1Alpha1;

/// <summary>Cluster-level remedy actions triggered by cluster conditions.</summary>
[KarmadaResource("remedy.karmada.io", "v1alpha1", "Remedy", "remedies", false, Singular = "remedy", Categories = ["karmada-io"])]
public sealed class Remedy : IKubernetesObject
{
    /// <summary><c>remedy.karmada.io/v1alpha1</c>.</summary>
    public const string KubeApiVersion = "remedy.karmada.io/v1alpha1";

    /// <summary><c>Remedy</c>.</summary>
    public const string KubeKind = "Remedy";

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

    /// <summary>The desired behavior of the Remedy. Required.</summary>
    [JsonPropertyName("spec")]
    public RemedySpec Spec { get; set; } = new();
}
