using System.Text.Json.Serialization;
using Karmada.Api.Core;
using Karmada.Api.Serialization;

namespace Karmada.Api.Networking.V1Alpha1;

/// <summary>The current state of a MultiClusterIngress (the IngressStatus fields are inlined).</summary>
public sealed class MultiClusterIngressStatus : IngressStatus
{
    /// <summary>Clusters whose backend addresses the cloud provider must leave out of the load balancer.</summary>
    [JsonPropertyName("trafficBlockClusters")]
    [JsonPropertyOrder(1)]
    [OmitEmpty]
    public List<string> TrafficBlockClusters { get; set; } = [];

    /// <summary>Where the backend Services of the ingress are; set by the system.</summary>
    [JsonPropertyName("serviceLocations")]
    [JsonPropertyOrder(1)]
    [OmitEmpty]
    public List<ServiceLocation> ServiceLocations { get; set; } = [];
}
