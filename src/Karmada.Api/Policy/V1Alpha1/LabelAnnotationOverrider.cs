using System.Text.Json.Serialization;
using Karmada.Api.Serialization;

namespace Karmada.Api.Policy.V1Alpha1;

/// <summary>A rule for workload labels or annotations.</summary>
public sealed class LabelAnnotationOverrider
{
    /// <summary>add, remove or replace. Required.</summary>
    [JsonPropertyName("operator")]
    public OverriderOperator Operator { get; set; }

    /// <summary>Items to add, remove (matching keys) or replace (matching keys).</summary>
    [JsonPropertyName("value")]
    [OmitEmpty]
    public Dictionary<string, string> Value { get; set; } = [];
}
