using System.Text.Json.Serialization;

namespace Karmada.Api.Policy.V1Alpha1;

/// <summary>How the replicas of a resource are assigned to clusters.</summary>
public sealed class ReplicaSchedulingStrategy
{
    /// <summary>Duplicated or Divided. Defaults to Divided.</summary>
    [JsonPropertyName("replicaSchedulingType")]
    public ReplicaSchedulingType? ReplicaSchedulingType { get; set; }

    /// <summary>How Divided replicas are split: Aggregated or Weighted.</summary>
    [JsonPropertyName("replicaDivisionPreference")]
    public ReplicaDivisionPreference? ReplicaDivisionPreference { get; set; }

    /// <summary>Cluster weights; when Weighted and unset, all clusters weigh the same.</summary>
    [JsonPropertyName("weightPreference")]
    public ClusterPreferences? WeightPreference { get; set; }
}
