using System.Text.Json.Serialization;

namespace Karmada.Api.Policy.V1Alpha1;

/// <summary>Application failover behaviors.</summary>
public sealed class ApplicationFailoverBehavior
{
    /// <summary>The conditions that must all be met before failing over. Required.</summary>
    [JsonPropertyName("decisionConditions")]
    public DecisionConditions DecisionConditions { get; set; } = new();

    /// <summary>How to deal with the legacy application: Directly, Gracefully (default), Never, or the deprecated Immediately and Graciously.</summary>
    [JsonPropertyName("purgeMode")]
    public PurgeMode? PurgeMode { get; set; }

    /// <summary>Maximum wait before the application on the old cluster is deleted; only with Gracefully, defaults to 600, must be positive.</summary>
    [JsonPropertyName("gracePeriodSeconds")]
    public int? GracePeriodSeconds { get; set; }

    /// <summary>State data to carry over to the new cluster (gate StatefulFailoverInjection).</summary>
    [JsonPropertyName("statePreservation")]
    public StatePreservation? StatePreservation { get; set; }
}
