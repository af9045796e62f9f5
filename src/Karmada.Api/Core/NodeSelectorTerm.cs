using System.Text.Json.Serialization;
using Karmada.Api.Serialization;

namespace Karmada.Api.Core;

/// <summary>Requirements ANDed together; a null or empty term matches no objects (Kubernetes <c>corev1.NodeSelectorTerm</c>).</summary>
public sealed class NodeSelectorTerm
{
    /// <summary>Requirements by node labels.</summary>
    [JsonPropertyName("matchExpressions")]
    [OmitEmpty]
    public List<NodeSelectorRequirement> MatchExpressions { get; set; } = [];

    /// <summary>Requirements by node fields.</summary>
    [JsonPropertyName("matchFields")]
    [OmitEmpty]
    public List<NodeSelectorRequirement> MatchFields { get; set; } = [];
}
