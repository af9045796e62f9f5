using System.Text.Json.Serialization;
using Karmada.Api.Serialization;

namespace Karmada.Api.Autoscaling.V1Alpha1;

/// <summary>The execution history of one rule.</summary>
public sealed class ExecutionHistory
{
    /// <summary>The rule. Required.</summary>
    [JsonPropertyName("ruleName")]
    public string RuleName { get; set; } = "";

    /// <summary>The next execution time; nil means the rule is suspended.</summary>
    [JsonPropertyName("nextExecutionTime")]
    public DateTimeOffset? NextExecutionTime { get; set; }

    /// <summary>Successful executions.</summary>
    [JsonPropertyName("successfulExecutions")]
    [OmitEmpty]
    public List<SuccessfulExecution> SuccessfulExecutions { get; set; } = [];

    /// <summary>Failed executions.</summary>
    [JsonPropertyName("failedExecutions")]
    [OmitEmpty]
    public List<FailedExecution> FailedExecutions { get; set; } = [];
}
