using System.Text.Json.Serialization;
using Karmada.Api.Serialization;

namespace Karmada.Api.Apps.V1Alpha1;

/// <summary>The status of a WorkloadRebalancer.</summary>
public sealed class WorkloadRebalancerStatus
{
    /// <summary>The outcome for each workload.</summary>
    [JsonPropertyName("observedWorkloads")]
    [OmitEmpty]
    public List<ObservedWorkload> ObservedWorkloads { get; set; } = [];

    /// <summary>The metadata.generation the controller last confirmed.</summary>
    [JsonPropertyName("observedGeneration")]
    [OmitEmpty]
    public long ObservedGeneration { get; set; }

    /// <summary>When the rebalance finished.</summary>
    [JsonPropertyName("finishTime")]
    public DateTimeOffset? FinishTime { get; set; }
}
