using System.Text.Json.Serialization;
using Karmada.Api.Serialization;

namespace Karmada.Api.Autoscaling.V1Alpha1;

/// <summary>The current status of a CronFederatedHPA.</summary>
public sealed class CronFederatedHPAStatus
{
    /// <summary>The execution history of each rule.</summary>
    [JsonPropertyName("executionHistories")]
    [OmitEmpty]
    public List<ExecutionHistory> ExecutionHistories { get; set; } = [];
}
