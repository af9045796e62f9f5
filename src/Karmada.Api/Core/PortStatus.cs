using System.Text.Json.Serialization;

namespace Karmada.Api.Core;

/// <summary>The status of a service port.</summary>
public sealed class PortStatus
{
    /// <summary>The port number.</summary>
    [JsonPropertyName("port")]
    public int Port { get; set; }

    /// <summary>The protocol: <c>TCP</c>, <c>UDP</c> or <c>SCTP</c>.</summary>
    [JsonPropertyName("protocol")]
    public string Protocol { get; set; } = "";

    /// <summary>The problem with the port, if any.</summary>
    [JsonPropertyName("error")]
    public string? Error { get; set; }
}
