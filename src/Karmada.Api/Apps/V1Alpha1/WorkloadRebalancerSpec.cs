using System.Text.Json.Serialization;

namespace Karmada.Api.Apps.V1Alpha1;

/// <summary>The desired behavior of a WorkloadRebalancer.</summary>
public sealed class WorkloadRebalancerSpec
{
    /// <summary>The workloads to rebalance, at least one. Required.</summary>
    [JsonPropertyName("workloads")]
    public List<ObjectReference> Workloads { get; set; } = [];

    /// <summary>Seconds after all workloads finished before the rebalancer may be deleted automatically; unset means never, 0 immediately.</summary>
    [JsonPropertyName("ttlSecondsAfterFinished")]
    public int? TtlSecondsAfterFinished { get; set; }
}
