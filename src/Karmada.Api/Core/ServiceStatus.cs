using System.Text.Json.Serialization;
using Karmada.Api.Meta;
using Karmada.Api.Serialization;

namespace Karmada.Api.Core;

/// <summary>The observed state of a Service (Kubernetes <c>corev1.ServiceStatus</c>).</summary>
public sealed class ServiceStatus
{
    /// <summary>Current state of the load balancer, if one is present.</summary>
    [JsonPropertyName("loadBalancer")]
    public LoadBalancerStatus LoadBalancer { get; set; } = new();

    /// <summary>Current service state.</summary>
    [JsonPropertyName("conditions")]
    [OmitEmpty]
    public List<Condition> Conditions { get; set; } = [];
}
