using System.Text.Json.Serialization;
using Karmada.Api.Serialization;

namespace Karmada.Api.Networking.V1Alpha1;

/// <summary>A port to expose.</summary>
public sealed class ExposurePort
{
    /// <summary>Name of the port in the Service.</summary>
    [JsonPropertyName("name")]
    [OmitEmpty]
    public string? Name { get; set; }

    /// <summary>The exposed service port. Required.</summary>
    [JsonPropertyName("port")]
    public int Port { get; set; }
}
