using System.Text.Json.Serialization;
using Karmada.Api.Serialization;

namespace Karmada.Api.Core;

/// <summary>The status of an ingress load balancer.</summary>
public sealed class IngressLoadBalancerStatus
{
    /// <summary>Ingress points of the load balancer.</summary>
    [JsonPropertyName("ingress")]
    [OmitEmpty]
    public List<IngressLoadBalancerIngress> Ingress { get; set; } = [];
}
