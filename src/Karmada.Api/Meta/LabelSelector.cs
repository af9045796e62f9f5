using System.Text.Json.Serialization;
using Karmada.Api.Serialization;

namespace Karmada.Api.Meta;

/// <summary>
/// A label query over a set of resources (Kubernetes <c>metav1.LabelSelector</c>). The results of
/// <c>matchLabels</c> and <c>matchExpressions</c> are ANDed; an empty selector matches everything.
/// </summary>
public sealed class LabelSelector
{
    /// <summary>Key-value pairs; each is equivalent to an In requirement with a single value.</summary>
    [JsonPropertyName("matchLabels")]
    [OmitEmpty]
    public Dictionary<string, string> MatchLabels { get; set; } = [];

    /// <summary>Label selector requirements, ANDed.</summary>
    [JsonPropertyName("matchExpressions")]
    [OmitEmpty]
    public List<LabelSelectorRequirement> MatchExpressions { get; set; } = [];
}
