using System.Text.Json.Serialization;

namespace Karmada.Api.Autoscaling.V1Alpha1;

/// <summary>A successful execution.</summary>
public sealed class SuccessfulExecution
{
    /// <summary>The expected execution time. Required; written as null when unset.</summary>
    [JsonPropertyName("scheduleTime")]
    [JsonIgnore(Condition = JsonIgnoreCondition.Never)]
    public DateTimeOffset? ScheduleTime { get; set; }

    /// <summary>The actual execution time. Required; written as null when unset.</summary>
    [JsonPropertyName("executionTime")]
    [JsonIgnore(Condition = JsonIgnoreCondition.Never)]
    public DateTimeOffset? ExecutionTime { get; set; }

    /// <summary>The replicas applied (when targetReplicas is set).</summary>
    [JsonPropertyName("appliedReplicas")]
    public int? AppliedReplicas { get; set; }

    /// <summary>The maxReplicas applied (when targetMaxReplicas is set).</summary>
    [JsonPropertyName("appliedMaxReplicas")]
    public int? AppliedMaxReplicas { get; set; }

    /// <summary>The minReplicas applied (when targetMinReplicas is set).</summary>
    [JsonPropertyName("appliedMinReplicas")]
    public int? AppliedMinReplicas { get; set; }
}
