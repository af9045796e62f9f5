using System.Text.Json.Serialization;
using Karmada.Api.Meta;
using Karmada.Api.Serialization;

namespace Karmada.Api.Core;

/// <summary>The state of an autoscaler at a point in time.</summary>
public sealed class HorizontalPodAutoscalerCondition
{
    /// <summary>The condition type: <c>ScalingActive</c>, <c>AbleToScale</c> or <c>ScalingLimited</c>.</summary>
    [JsonPropertyName("type")]
    public string Type { get; set; } = "";

    /// <summary>Status of the condition: True, False or Unknown.</summary>
    [JsonPropertyName("status")]
    public ConditionStatus Status { get; set; } = ConditionStatus.Unknown;

    /// <summary>Last time the condition transitioned from one status to another.</summary>
    [JsonPropertyName("lastTransitionTime")]
    public DateTimeOffset? LastTransitionTime { get; set; }

    /// <summary>Reason for the last transition.</summary>
    [JsonPropertyName("reason")]
    [OmitEmpty]
    public string? Reason { get; set; }

    /// <summary>Human-readable explanation of the last transition.</summary>
    [JsonPropertyName("message")]
    [OmitEmpty]
    public string? Message { get; set; }
}
