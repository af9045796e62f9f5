using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using Karmada.Api.Serialization;

namespace Karmada.Api.Work.V1Alpha2;

/// <summary>The status of the resource in one member cluster.</summary>
public sealed class AggregatedStatusItem
{
    /// <summary>The member cluster. Required.</summary>
    [JsonPropertyName("clusterName")]
    public string ClusterName { get; set; } = "";

    /// <summary>The reflected status of the resource (raw JSON).</summary>
    [JsonPropertyName("status")]
    public JsonObject? Status { get; set; }

    /// <summary>Whether the resource was applied on the cluster.</summary>
    [JsonPropertyName("applied")]
    [OmitEmpty]
    public bool Applied { get; set; }

    /// <summary>Details of the applied state, usually the error when applying failed.</summary>
    [JsonPropertyName("appliedMessage")]
    [OmitEmpty]
    public string? AppliedMessage { get; set; }

    /// <summary>Healthy, Unhealthy or Unknown.</summary>
    [JsonPropertyName("health")]
    public ResourceHealth? Health { get; set; }
}
