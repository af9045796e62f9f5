using System.Text.Json.Serialization;
using Karmada.Api.Meta;
using Karmada.Api.Serialization;

namespace Karmada.Api.Autoscaling.V1Alpha1;

/// <summary>A list of <see cref="FederatedHPA"/>.</summary>
public sealed class FederatedHPAList : IKubernetesObjectList<FederatedHPA>
{
    /// <inheritdoc />
    [JsonPropertyName("apiVersion")]
    [OmitEmpty]
    public string ApiVersion { get; set; } = FederatedHPA.KubeApiVersion;

    /// <inheritdoc />
    [JsonPropertyName("kind")]
    [OmitEmpty]
    public string Kind { get; set; } = "FederatedHPAList";

    /// <inheritdoc />
    [JsonPropertyName("metadata")]
    public ListMeta Metadata { get; set; } = new();

    /// <summary>The items.</summary>
    [JsonPropertyName("items")]
    public List<FederatedHPA> Items { get; set; } = [];
}
