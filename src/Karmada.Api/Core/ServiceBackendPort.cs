using System.Text.Json.Serialization;
using Karmada.Api.Serialization;

namespace Karmada.Api.Core;

/// <summary>A service port, by name or number.</summary>
public sealed class ServiceBackendPort
{
    /// <summary>The port name; mutually exclusive with the number.</summary>
    [JsonPropertyName("name")]
    [OmitEmpty]
    public string? Name { get; set; }

    /// <summary>The port number; mutually exclusive with the name.</summary>
    [JsonPropertyName("number")]
    [OmitEmpty]
    public int Number { get; set; }
}
