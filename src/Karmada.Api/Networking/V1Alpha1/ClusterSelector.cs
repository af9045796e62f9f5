using System.Text.Json.Serialization;

namespace Karmada.Api.Networking.V1Alpha1;

/// <summary>Selects a cluster by name.</summary>
public sealed class ClusterSelector
{
    /// <summary>Name of the cluster. Required.</summary>
    [JsonPropertyName("name")]
    public string Name { get; set; } = "";
}
