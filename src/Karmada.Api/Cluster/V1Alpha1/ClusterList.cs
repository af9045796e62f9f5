using System.Text.Json.Serialization;
using Karmada.Api.Meta;
using Karmada.Api.Serialization;

namespace Karmada.Api.Cluster.V1Alpha1;

/// <summary>A list of member clusters.</summary>
public sealed class ClusterList : IKubernetesObjectList<Cluster>
{
    /// <inheritdoc />
    [JsonPropertyName("apiVersion")]
    [OmitEmpty]
    public string ApiVersion { get; set; } = Cluster.KubeApiVersion;

    /// <inheritdoc />
    [JsonPropertyName("kind")]
    [OmitEmpty]
    public string Kind { get; set; } = "ClusterList";

    /// <inheritdoc />
    [JsonPropertyName("metadata")]
    public ListMeta Metadata { get; set; } = new();

    /// <summary>The clusters.</summary>
    [JsonPropertyName("items")]
    public List<Cluster> Items { get; set; } = [];
}
