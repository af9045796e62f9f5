using System.Text.Json.Serialization;

namespace Karmada.Api.Apps.V1Alpha1;

/// <summary>The observed outcome for one workload.</summary>
public sealed class ObservedWorkload
{
    /// <summary>The workload. Required.</summary>
    [JsonPropertyName("workload")]
    public ObjectReference Workload { get; set; } = new();

    /// <summary>Successful or Failed.</summary>
    [JsonPropertyName("result")]
    public RebalanceResult? Result { get; set; }

    /// <summary>Why the rebalance failed.</summary>
    [JsonPropertyName("reason")]
    public RebalanceFailedReason? Reason { get; set; }
}
