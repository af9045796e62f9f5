using System.Text.Json.Serialization;
using Karmada.Api.Serialization;

namespace Karmada.Api.Meta;

/// <summary>A selector requirement: a key, an operator and values (Kubernetes <c>metav1.LabelSelectorRequirement</c>).</summary>
public sealed class LabelSelectorRequirement
{
    /// <summary>The label key the selector applies to.</summary>
    [JsonPropertyName("key")]
    public string Key { get; set; } = "";

    /// <summary>The key's relationship to the values: In, NotIn, Exists or DoesNotExist.</summary>
    [JsonPropertyName("operator")]
    public LabelSelectorOperator Operator { get; set; }

    /// <summary>Values; non-empty for In and NotIn, empty for Exists and DoesNotExist.</summary>
    [JsonPropertyName("values")]
    [OmitEmpty]
    public List<string> Values { get; set; } = [];
}
