using System.Text.Json.Serialization;
using Karmada.Api.Serialization;

namespace Karmada.Api.Meta;

/// <summary>One aspect of the current state of an API resource (Kubernetes <c>metav1.Condition</c>).</summary>
public sealed class Condition
{
    /// <summary>Type of condition in CamelCase or in <c>foo.example.com/CamelCase</c>.</summary>
    [JsonPropertyName("type")]
    public string Type { get; set; } = "";

    /// <summary>Status of the condition: True, False or Unknown.</summary>
    [JsonPropertyName("status")]
    public ConditionStatus Status { get; set; } = ConditionStatus.Unknown;

    /// <summary>The <c>.metadata.generation</c> the condition was set based upon.</summary>
    [JsonPropertyName("observedGeneration")]
    [OmitEmpty]
    public long ObservedGeneration { get; set; }

    /// <summary>Last time the condition transitioned from one status to another. Written as null when unset, as upstream.</summary>
    [JsonPropertyName("lastTransitionTime")]
    [JsonIgnore(Condition = JsonIgnoreCondition.Never)]
    public DateTimeOffset? LastTransitionTime { get; set; }

    /// <summary>Programmatic identifier (CamelCase) for the reason of the last transition. Required.</summary>
    [JsonPropertyName("reason")]
    public string Reason { get; set; } = "";

    /// <summary>Human-readable message with details about the transition; may be empty.</summary>
    [JsonPropertyName("message")]
    public string Message { get; set; } = "";
}
