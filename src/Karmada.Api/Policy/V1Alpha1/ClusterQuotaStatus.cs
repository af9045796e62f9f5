using System.Text.Json.Serialization;
using Karmada.Api.Core;
using Karmada.Api.Serialization;

namespace Karmada.Api.Policy.V1Alpha1;

/// <summary>The limits and observed usage in one cluster (ResourceQuotaStatus inlined).</summary>
public sealed class ClusterQuotaStatus
{
    /// <summary>The cluster. Required.</summary>
    [JsonPropertyName("clusterName")]
    public string ClusterName { get; set; } = "";

    /// <summary>The enforced hard limits per resource name.</summary>
    [JsonPropertyName("hard")]
    [OmitEmpty]
    public ResourceList Hard { get; set; } = [];

    /// <summary>The current observed usage per resource name.</summary>
    [JsonPropertyName("used")]
    [OmitEmpty]
    public ResourceList Used { get; set; } = [];
}
