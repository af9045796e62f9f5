using System.Text.Json.Serialization;
using Karmada.Api.Serialization;

namespace Karmada.Api.Networking.V1Alpha1;

/// <summary>The clusters a backend Service is located in.</summary>
public sealed class ServiceLocation
{
    /// <summary>The Service, in the namespace of the MultiClusterIngress.</summary>
    [JsonPropertyName("name")]
    public string Name { get; set; } = "";

    /// <summary>The clusters the Service is located in.</summary>
    [JsonPropertyName("clusters")]
    [OmitEmpty]
    public List<string> Clusters { get; set; } = [];
}
