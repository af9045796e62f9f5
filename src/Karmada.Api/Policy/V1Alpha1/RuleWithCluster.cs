using System.Text.Json.Serialization;

namespace Karmada.Api.Policy.V1Alpha1;

/// <summary>Override rules for a set of clusters.</summary>
public sealed class RuleWithCluster
{
    /// <summary>The clusters the rule applies to; nil means all clusters.</summary>
    [JsonPropertyName("targetCluster")]
    public ClusterAffinity? TargetCluster { get; set; }

    /// <summary>The overriders applied to resources propagated to those clusters. Required.</summary>
    [JsonPropertyName("overriders")]
    public Overriders Overriders { get; set; } = new();
}
