using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using Karmada.Api.Core;
using Karmada.Api.Serialization;

namespace Karmada.Api.Autoscaling.V1Alpha1;

/// <summary>The desired behavior of a FederatedHPA.</summary>
public sealed class FederatedHPASpec
{
    /// <summary>The resource to scale, whose pods' metrics are collected. Required.</summary>
    [JsonPropertyName("scaleTargetRef")]
    public CrossVersionObjectReference ScaleTargetRef { get; set; } = new();

    /// <summary>Lower limit of the replica count. Defaults to 1.</summary>
    [JsonPropertyName("minReplicas")]
    public int? MinReplicas { get; set; }

    /// <summary>Upper limit of the replica count; not less than minReplicas. Required.</summary>
    [JsonPropertyName("maxReplicas")]
    public int MaxReplicas { get; set; }

    /// <summary>Metrics to compute the desired replica count from (autoscaling/v2 MetricSpec, kept as raw JSON); defaults to 80% average CPU utilization.</summary>
    [JsonPropertyName("metrics")]
    [OmitEmpty]
    public List<JsonObject> Metrics { get; set; } = [];

    /// <summary>Scaling behavior up and down (autoscaling/v2 HorizontalPodAutoscalerBehavior, kept as raw JSON); nil uses the defaults.</summary>
    [JsonPropertyName("behavior")]
    public JsonObject? Behavior { get; set; }
}
