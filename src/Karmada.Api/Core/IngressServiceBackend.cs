using System.Text.Json.Serialization;

namespace Karmada.Api.Core;

/// <summary>A Service as an ingress backend.</summary>
public sealed class IngressServiceBackend
{
    /// <summary>The referenced service, in the same namespace as the Ingress.</summary>
    [JsonPropertyName("name")]
    public string Name { get; set; } = "";

    /// <summary>The port of the service; a port name or number is required.</summary>
    [JsonPropertyName("port")]
    public ServiceBackendPort Port { get; set; } = new();
}
