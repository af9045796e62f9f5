using System.Text.Json.Serialization;
using Karmada.Api.Meta;
using Karmada.Api.Serialization;

namespace Karmada.Api.Apps.V1Alpha1;

/// <summary>A list of <see cref="WorkloadRebalancer"/>.</summary>
public sealed class WorkloadRebalancerList : IKubernetesObjectList<WorkloadRebalancer>
{
    /// <inheritdoc />
    [JsonPropertyName("apiVersion")]
    [OmitEmpty]
    public string ApiVersion { get; set; } = WorkloadRebalancer.KubeApiVersion;

    /// <inheritdoc />
    [JsonPropertyName("kind")]
    [OmitEmpty]
    public string Kind { get; set; } = "WorkloadRebalancerList";

    /// <inheritdoc />
    [JsonPropertyName("metadata")]
    public ListMeta Metadata { get; set; } = new();

    /// <summary>The items.</summary>
    [JsonPropertyName("items")]
    public List<WorkloadRebalancer> Items { get; set; } = [];
}
