using System.Text.Json.Serialization;
using Karmada.Api.Serialization;

namespace Karmada.Api.Networking.V1Alpha1;

/// <summary>Deprecated: the clusters a service is exposed to.</summary>
public sealed class ExposureRange
{
    /// <summary>The names of the clusters.</summary>
    [JsonPropertyName("clusterNames")]
    [OmitEmpty]
    public List<string> ClusterNames { get; set; } = [];
}
