using System.Text.Json.Serialization;

namespace Karmada.Api.Policy.V1Alpha1;

/// <summary>An overflow tier of candidate clusters (the ClusterAffinity fields are inlined).</summary>
public sealed class OverflowClusterAffinity : ClusterAffinity
{
    /// <summary>Name of the cluster group, 1 to 32 characters. Required.</summary>
    [JsonPropertyName("affinityName")]
    [JsonPropertyOrder(-1)]
    public string AffinityName { get; set; } = "";
}
