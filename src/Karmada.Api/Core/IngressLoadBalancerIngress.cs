using System.Text.Json.Serialization;
using Karmada.Api.Serialization;

namespace Karmada.Api.Core;

/// <summary>An ingress point of an ingress load balancer.</summary>
public sealed class IngressLoadBalancerIngress
{
    /// <summary>Set for IP-based ingress points.</summary>
    [JsonPropertyName("ip")]
    [OmitEmpty]
    public string? Ip { get; set; }

    /// <summary>Set for DNS-based ingress points.</summary>
    [JsonPropertyName("hostname")]
    [OmitEmpty]
    public string? Hostname { get; set; }

    /// <summary>Information about the ports of this ingress point.</summary>
    [JsonPropertyName("ports")]
    [OmitEmpty]
    public List<IngressPortStatus> Ports { get; set; } = [];
}
