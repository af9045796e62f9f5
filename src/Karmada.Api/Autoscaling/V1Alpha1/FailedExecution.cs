using System.Text.Json.Serialization;

namespace Karmada.Api.Autoscaling.V1Alpha1;

/// <summary>A failed execution.</summary>
public sealed class FailedExecution
{
    /// <summary>The expected execution time. Required; written as null when unset.</summary>
    [JsonPropertyName("scheduleTime")]
    [JsonIgnore(Condition = JsonIgnoreCondition.Never)]
    public DateTimeOffset? ScheduleTime { get; set; }

    /// <summary>The actual execution time. Required; written as null when unset.</summary>
    [JsonPropertyName("executionTime")]
    [JsonIgnore(Condition = JsonIgnoreCondition.Never)]
    public DateTimeOffset? ExecutionTime { get; set; }

    /// <summary>Why the execution failed. Required.</summary>
    [JsonPropertyName("message")]
    public string Message { get; set; } = "";
}
