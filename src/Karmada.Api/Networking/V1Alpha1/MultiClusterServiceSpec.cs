using System.Text.Json.Serialization;
using Karmada.Api.Serialization;

namespace Karmada.Api.Networking.V1Alpha1;

/// <summary>The desired state of a MultiClusterService.</summary>
public sealed class MultiClusterServiceSpec
{
    /// <summary>How the service is exposed: CrossCluster or LoadBalancer (exactly one; immutable). Required.</summary>
    [JsonPropertyName("types")]
    public List<ExposureType> Types { get; set; } = [];

    /// <summary>The exposed ports; all ports of the Service by default.</summary>
    [JsonPropertyName("ports")]
    [OmitEmpty]
    public List<ExposurePort> Ports { get; set; } = [];

    /// <summary>Deprecated, use providerClusters and consumerClusters: where the service is exposed (CrossCluster only); empty means all clusters. Always written, as upstream writes it.</summary>
    [JsonPropertyName("range")]
    public ExposureRange Range { get; set; } = new();

    /// <summary>Deprecated, use providerClusters: clusters providing the backend.</summary>
    [JsonPropertyName("serviceProvisionClusters")]
    [OmitEmpty]
    public List<string> ServiceProvisionClusters { get; set; } = [];

    /// <summary>Deprecated, use consumerClusters: clusters consuming the service.</summary>
    [JsonPropertyName("serviceConsumptionClusters")]
    [OmitEmpty]
    public List<string> ServiceConsumptionClusters { get; set; } = [];

    /// <summary>Clusters providing the backend; empty collects endpoints from all clusters.</summary>
    [JsonPropertyName("providerClusters")]
    [OmitEmpty]
    public List<ClusterSelector> ProviderClusters { get; set; } = [];

    /// <summary>Clusters the service is exposed to; empty means all clusters.</summary>
    [JsonPropertyName("consumerClusters")]
    [OmitEmpty]
    public List<ClusterSelector> ConsumerClusters { get; set; } = [];
}
