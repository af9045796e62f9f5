using System.Text.Json.Serialization;
using Karmada.Api.Serialization;

namespace Karmada.Api.Core;

/// <summary>An ingress point of a load balancer.</summary>
public sealed class LoadBalancerIngress
{
    /// <summary>Set for IP-based load balancers.</summary>
    [JsonPropertyName("ip")]
    [OmitEmpty]
    public string? Ip { get; set; }

    /// <summary>Set for DNS-based load balancers.</summary>
    [JsonPropertyName("hostname")]
    [OmitEmpty]
    public string? Hostname { get; set; }

    /// <summary>How the load-balancer IP behaves: <c>VIP</c> or <c>Proxy</c>; only with ip.</summary>
    [JsonPropertyName("ipMode")]
    public string? IpMode { get; set; }

    /// <summary>Records of the service ports.</summary>
    [JsonPropertyName("ports")]
    [OmitEmpty]
    public List<PortStatus> Ports { get; set; } = [];
}
