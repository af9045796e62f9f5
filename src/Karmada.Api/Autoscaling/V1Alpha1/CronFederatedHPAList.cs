using System.Text.Json.Serialization;
using Karmada.Api.Meta;
using Karmada.Api.Serialization;

namespace Karmada.Api.Autoscaling.V1Alpha1;

/// <summary>A list of <see cref="CronFederatedHPA"/>.</summary>
public sealed class CronFederatedHPAList : IKubernetesObjectList<CronFederatedHPA>
{
    /// <inheritdoc />
    [JsonPropertyName("apiVersion")]
    [OmitEmpty]
    public string ApiVersion { get; set; } = CronFederatedHPA.KubeApiVersion;

    /// <inheritdoc />
    [JsonPropertyName("kind")]
    [OmitEmpty]
    public string Kind { get; set; } = "CronFederatedHPAList";

    /// <inheritdoc />
    [JsonPropertyName("metadata")]
    public ListMeta Metadata { get; set; } = new();

    /// <summary>The items.</summary>
    [JsonPropertyName("items")]
    public List<CronFederatedHPA> Items { get; set; } = [];
}
