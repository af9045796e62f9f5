using System.Text.Json.Serialization;
using Karmada.Api.Core;
using Karmada.Api.Serialization;

namespace Karmada.Api.Policy.V1Alpha1;

/// <summary>A filter on cluster fields.</summary>
public sealed class FieldSelector
{
    /// <summary>Field requirements; keys provider, region or zone with operators In or NotIn.</summary>
    [JsonPropertyName("matchExpressions")]
    [OmitEmpty]
    public List<NodeSelectorRequirement> MatchExpressions { get; set; } = [];
}
