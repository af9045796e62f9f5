using System.Text.Json.Serialization;
using Karmada.Api.Meta;
using Karmada.Api.Serialization;

namespace Karmada.Api.Work.V1Alpha2;

/// <summary>The observed status of a binding.</summary>
public sealed class ResourceBindingStatus
{
    /// <summary>The metadata.generation the scheduler last confirmed; lower than the generation means scheduling is pending.</summary>
    [JsonPropertyName("schedulerObservedGeneration")]
    [OmitEmpty]
    public long SchedulerObservedGeneration { get; set; }

    /// <summary>The cluster affinity term the current scheduling result is based on.</summary>
    [JsonPropertyName("schedulerObservingAffinityName")]
    [OmitEmpty]
    public string? SchedulerObservedAffinityName { get; set; }

    /// <summary>When the scheduler last finished a scheduling successfully (RFC 3339 UTC).</summary>
    [JsonPropertyName("lastScheduledTime")]
    public DateTimeOffset? LastScheduledTime { get; set; }

    /// <summary>Conditions: Scheduled, FullyApplied.</summary>
    [JsonPropertyName("conditions")]
    [OmitEmpty]
    public List<Condition> Conditions { get; set; } = [];

    /// <summary>The status of the resource in each member cluster.</summary>
    [JsonPropertyName("aggregatedStatus")]
    [OmitEmpty]
    public List<AggregatedStatusItem> AggregatedStatus { get; set; } = [];
}
