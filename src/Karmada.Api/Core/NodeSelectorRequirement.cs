using System.Text.Json.Serialization;
using Karmada.Api.Serialization;

namespace Karmada.Api.Core;

/// <summary>A selector requirement: a key, an operator and values (Kubernetes <c>corev1.NodeSelectorRequirement</c>).</summary>
public sealed class NodeSelectorRequirement
{
    /// <summary>The label (or field) key the selector applies to.</summary>
    [JsonPropertyName("key")]
    public string Key { get; set; } = "";

    /// <summary>The key's relationship to the values: In, NotIn, Exists, DoesNotExist, Gt or Lt.</summary>
    [JsonPropertyName("operator")]
    public NodeSelectorOperator Operator { get; set; }

    /// <summary>Values; non-empty for In and NotIn, empty for Exists and DoesNotExist, a single integer for Gt and Lt.</summary>
    [JsonPropertyName("values")]
    [OmitEmpty]
    public List<string> Values { get; set; } = [];
}
