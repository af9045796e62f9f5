using System.Text.Json.Serialization;
using Karmada.Api.Core;

namespace Karmada.Api.Policy.V1Alpha1;

/// <summary>The hard limits for one cluster.</summary>
public sealed class StaticClusterAssignment
{
    /// <summary>The cluster the limits apply to. Required.</summary>
    [JsonPropertyName("clusterName")]
    public string ClusterName { get; set; } = "";

    /// <summary>The hard limits per resource name. Required.</summary>
    [JsonPropertyName("hard")]
    public ResourceList Hard { get; set; } = [];
}
