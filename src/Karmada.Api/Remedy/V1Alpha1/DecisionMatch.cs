using System.Text.Json.Serialization;

namespace Karmada.Api.Remedy.V1Alpha1;

/// <summary>A decision match that triggers the remedy actions.</summary>
public sealed class DecisionMatch
{
    /// <summary>A cluster condition requirement.</summary>
    [JsonPropertyName("clusterConditionMatch")]
    public ClusterConditionRequirement? ClusterConditionMatch { get; set; }
}
