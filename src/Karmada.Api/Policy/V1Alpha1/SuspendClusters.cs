using System.Text.Json.Serialization;
using Karmada.Api.Serialization;

namespace Karmada.Api.Policy.V1Alpha1;

/// <summary>A group of clusters suspended from propagation.</summary>
public sealed class SuspendClusters
{
    /// <summary>The names of the clusters.</summary>
    [JsonPropertyName("clusterNames")]
    [OmitEmpty]
    public List<string> ClusterNames { get; set; } = [];
}
