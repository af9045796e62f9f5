using System.Text.Json.Serialization;

namespace Karmada.Api.Autoscaling.V1Alpha1;

/// <summary>A schedule and its scale action.</summary>
public sealed class CronFederatedHPARule
{
    /// <summary>Unique name of the rule, 1 to 32 characters; it keys the execution history. Required.</summary>
    [JsonPropertyName("name")]
    public string Name { get; set; } = "";

    /// <summary>Cron expression of the schedule. Required.</summary>
    [JsonPropertyName("schedule")]
    public string Schedule { get; set; } = "";

    /// <summary>Replicas to set when the target is not a FederatedHPA.</summary>
    [JsonPropertyName("targetReplicas")]
    public int? TargetReplicas { get; set; }

    /// <summary>minReplicas to set on a FederatedHPA target; nil leaves it unchanged.</summary>
    [JsonPropertyName("targetMinReplicas")]
    public int? TargetMinReplicas { get; set; }

    /// <summary>maxReplicas to set on a FederatedHPA target; nil leaves it unchanged.</summary>
    [JsonPropertyName("targetMaxReplicas")]
    public int? TargetMaxReplicas { get; set; }

    /// <summary>Suspends subsequent executions. Defaults to false.</summary>
    [JsonPropertyName("suspend")]
    public bool? Suspend { get; set; }

    /// <summary>IANA time zone of the schedule; defaults to the controller's time zone.</summary>
    [JsonPropertyName("timeZone")]
    public string? TimeZone { get; set; }

    /// <summary>Successful executions kept per rule, 1 to 32. Defaults to 3.</summary>
    [JsonPropertyName("successfulHistoryLimit")]
    public int? SuccessfulHistoryLimit { get; set; }

    /// <summary>Failed executions kept per rule, 0 to 32. Defaults to 3.</summary>
    [JsonPropertyName("failedHistoryLimit")]
    public int? FailedHistoryLimit { get; set; }
}
