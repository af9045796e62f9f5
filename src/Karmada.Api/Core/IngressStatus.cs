using System.Text.Json.Serialization;

namespace Karmada.Api.Core;

/// <summary>The observed state of an Ingress (Kubernetes <c>networkingv1.IngressStatus</c>).</summary>
public class IngressStatus
{
    /// <summary>Current state of the load balancer.</summary>
    [JsonPropertyName("loadBalancer")]
    public IngressLoadBalancerStatus LoadBalancer { get; set; } = new();
}
