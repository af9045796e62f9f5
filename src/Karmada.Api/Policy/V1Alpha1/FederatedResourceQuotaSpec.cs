using System.Text.Json.Serialization;
using Karmada.Api.Core;
using Karmada.Api.Serialization;

namespace Karmada.Api.Policy.V1Alpha1;

/// <summary>The desired hard limits of a FederatedResourceQuota.</summary>
public sealed class FederatedResourceQuotaSpec
{
    /// <summary>The desired hard limits per resource name. Required.</summary>
    [JsonPropertyName("overall")]
    public ResourceList Overall { get; set; } = [];

    /// <summary>ResourceQuota settings for specific clusters; Karmada creates a ResourceQuota in each listed cluster and none elsewhere.</summary>
    [JsonPropertyName("staticAssignments")]
    [OmitEmpty]
    public List<StaticClusterAssignment> StaticAssignments { get; set; } = [];
}
