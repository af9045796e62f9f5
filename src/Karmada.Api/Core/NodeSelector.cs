using System.Text.Json.Serialization;

namespace Karmada.Api.Core;

/// <summary>The union (OR) of one or more label queries over nodes (Kubernetes <c>corev1.NodeSelector</c>).</summary>
public sealed class NodeSelector
{
    /// <summary>The terms, ORed. Required.</summary>
    [JsonPropertyName("nodeSelectorTerms")]
    public List<NodeSelectorTerm> NodeSelectorTerms { get; set; } = [];
}
