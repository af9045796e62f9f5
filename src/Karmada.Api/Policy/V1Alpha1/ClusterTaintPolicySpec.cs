using System.Text.Json.Serialization;
using Karmada.Api.Serialization;

namespace Karmada.Api.Policy.V1Alpha1;

/// <summary>The desired behavior of a ClusterTaintPolicy.</summary>
public sealed class ClusterTaintPolicySpec
{
    /// <summary>The clusters the policy watches; nil means any cluster. Clusters that stop matching keep their taints.</summary>
    [JsonPropertyName("targetClusters")]
    public ClusterAffinity? TargetClusters { get; set; }

    /// <summary>Conditions (ANDed) that trigger adding the taints; empty adds none.</summary>
    [JsonPropertyName("addOnConditions")]
    [OmitEmpty]
    public List<MatchCondition> AddOnConditions { get; set; } = [];

    /// <summary>Conditions (ANDed) that trigger removing the taints; empty removes none.</summary>
    [JsonPropertyName("removeOnConditions")]
    [OmitEmpty]
    public List<MatchCondition> RemoveOnConditions { get; set; } = [];

    /// <summary>The taints to add or remove, at least one. Required.</summary>
    [JsonPropertyName("taints")]
    public List<Taint> Taints { get; set; } = [];
}
