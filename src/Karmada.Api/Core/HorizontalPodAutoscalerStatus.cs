using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using Karmada.Api.Serialization;

namespace Karmada.Api.Core;

/// <summary>The observed state of an autoscaler (Kubernetes <c>autoscalingv2.HorizontalPodAutoscalerStatus</c>).</summary>
public sealed class HorizontalPodAutoscalerStatus
{
    /// <summary>The most recent generation observed by the autoscaler.</summary>
    [JsonPropertyName("observedGeneration")]
    public long? ObservedGeneration { get; set; }

    /// <summary>Last time the autoscaler scaled the number of pods.</summary>
    [JsonPropertyName("lastScaleTime")]
    public DateTimeOffset? LastScaleTime { get; set; }

    /// <summary>Current number of replicas managed by the autoscaler.</summary>
    [JsonPropertyName("currentReplicas")]
    [OmitEmpty]
    public int CurrentReplicas { get; set; }

    /// <summary>Desired number of replicas, as last calculated by the autoscaler.</summary>
    [JsonPropertyName("desiredReplicas")]
    public int DesiredReplicas { get; set; }

    /// <summary>Last read state of the metrics (autoscaling/v2 <c>MetricStatus</c>, kept as raw JSON).</summary>
    [JsonPropertyName("currentMetrics")]
    [OmitEmpty]
    public List<JsonObject> CurrentMetrics { get; set; } = [];

    /// <summary>Conditions needed to scale the target and whether they are met.</summary>
    [JsonPropertyName("conditions")]
    [OmitEmpty]
    public List<HorizontalPodAutoscalerCondition> Conditions { get; set; } = [];
}
