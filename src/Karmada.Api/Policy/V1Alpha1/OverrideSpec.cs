using System.Text.Json.Serialization;
using Karmada.Api.Serialization;

namespace Karmada.Api.Policy.V1Alpha1;

/// <summary>The desired behavior of an OverridePolicy or ClusterOverridePolicy.</summary>
public sealed class OverrideSpec
{
    /// <summary>Restricts the resource types the policy applies to; nil matches all resources.</summary>
    [JsonPropertyName("resourceSelectors")]
    [OmitEmpty]
    public List<ResourceSelector> ResourceSelectors { get; set; } = [];

    /// <summary>Override rules per set of target clusters.</summary>
    [JsonPropertyName("overrideRules")]
    [OmitEmpty]
    public List<RuleWithCluster> OverrideRules { get; set; } = [];

    /// <summary>Deprecated since v1.0, use overrideRules: the clusters the overriders apply to; nil means all.</summary>
    [JsonPropertyName("targetCluster")]
    public ClusterAffinity? TargetCluster { get; set; }

    /// <summary>Deprecated since v1.0, use overrideRules: the overriders. Always written, as upstream writes it.</summary>
    [JsonPropertyName("overriders")]
    public Overriders Overriders { get; set; } = new();
}
