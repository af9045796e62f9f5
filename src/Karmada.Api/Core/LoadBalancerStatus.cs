using System.Text.Json.Serialization;
using Karmada.Api.Serialization;

namespace Karmada.Api.Core;

/// <summary>The status of a load balancer (Kubernetes <c>corev1.LoadBalancerStatus</c>).</summary>
public sealed class LoadBalancerStatus
{
    /// <summary>Ingress points for the load balancer.</summary>
    [JsonPropertyName("ingress")]
    [OmitEmpty]
    public List<LoadBalancerIngress> Ingress { get; set; } = [];
}
