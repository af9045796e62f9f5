using System.Text.Json.Serialization;
using Karmada.Api.Core;
using Karmada.Api.Serialization;

namespace Karmada.Api.Policy.V1Alpha1;

/// <summary>The enforced hard limits and observed usage.</summary>
public sealed class FederatedResourceQuotaStatus
{
    /// <summary>The enforced hard limits per resource name.</summary>
    [JsonPropertyName("overall")]
    [OmitEmpty]
    public ResourceList Overall { get; set; } = [];

    /// <summary>The current total usage in the namespace.</summary>
    [JsonPropertyName("overallUsed")]
    [OmitEmpty]
    public ResourceList OverallUsed { get; set; } = [];

    /// <summary>The observed quota usage per cluster.</summary>
    [JsonPropertyName("aggregatedStatus")]
    [OmitEmpty]
    public List<ClusterQuotaStatus> AggregatedStatus { get; set; } = [];
}
