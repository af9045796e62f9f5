using System.Text.Json.Serialization;
using Karmada.Api.Serialization;

namespace Karmada.Api.Remedy.V1Alpha1;

/// <summary>Selects clusters by name.</summary>
public sealed class ClusterAffinity
{
    /// <summary>The names of the clusters.</summary>
    [JsonPropertyName("clusterNames")]
    [OmitEmpty]
    public List<string> ClusterNames { get; set; } = [];
}
