using System.Text.Json.Serialization;
using Karmada.Api.Serialization;

namespace Karmada.Api.Policy.V1Alpha1;

/// <summary>A named cluster group (the ClusterAffinity fields are inlined), with optional overflow tiers.</summary>
public sealed class ClusterAffinityTerm : ClusterAffinity
{
    /// <summary>Name of the cluster group, 1 to 32 characters. Required.</summary>
    [JsonPropertyName("affinityName")]
    [JsonPropertyOrder(-1)]
    public string AffinityName { get; set; } = "";

    /// <summary>Additional cluster tiers used in order when the primary group lacks resources, contracted in reverse on scale-down; only with Divided scheduling and dynamic weights.</summary>
    [JsonPropertyName("overflowAffinities")]
    [JsonPropertyOrder(1)]
    [OmitEmpty]
    public List<OverflowClusterAffinity> OverflowAffinities { get; set; } = [];
}
