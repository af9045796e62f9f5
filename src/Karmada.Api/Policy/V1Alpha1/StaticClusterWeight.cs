using System.Text.Json.Serialization;

namespace Karmada.Api.Policy.V1Alpha1;

/// <summary>A static weight for the clusters selected by a filter.</summary>
public sealed class StaticClusterWeight
{
    /// <summary>The clusters the weight applies to. Required.</summary>
    [JsonPropertyName("targetCluster")]
    public ClusterAffinity TargetCluster { get; set; } = new();

    /// <summary>The weight, at least 1. Required.</summary>
    [JsonPropertyName("weight")]
    public long Weight { get; set; }
}
