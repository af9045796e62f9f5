using System.Text.Json.Serialization;

namespace Karmada.Api.Policy.V1Alpha1;

/// <summary>Cluster failover behaviors.</summary>
public sealed class ClusterFailoverBehavior
{
    /// <summary>How to deal with the legacy application: Directly or Gracefully (default).</summary>
    [JsonPropertyName("purgeMode")]
    public PurgeMode? PurgeMode { get; set; }

    /// <summary>State data to carry over to the new cluster (gate StatefulFailoverInjection).</summary>
    [JsonPropertyName("statePreservation")]
    public StatePreservation? StatePreservation { get; set; }
}
