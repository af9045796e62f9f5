using System.Text.Json.Serialization;
using Karmada.Api.Serialization;

namespace Karmada.Api.Core;

/// <summary>Tolerates any taint that matches the triple key, value, effect using the operator (Kubernetes <c>corev1.Toleration</c>).</summary>
public sealed class Toleration
{
    /// <summary>The taint key the toleration applies to; empty matches all keys (then the operator must be Exists).</summary>
    [JsonPropertyName("key")]
    [OmitEmpty]
    public string? Key { get; set; }

    /// <summary>Relationship of key and value; defaults to Equal.</summary>
    [JsonPropertyName("operator")]
    public TolerationOperator? Operator { get; set; }

    /// <summary>The taint value to match; should be empty when the operator is Exists.</summary>
    [JsonPropertyName("value")]
    [OmitEmpty]
    public string? Value { get; set; }

    /// <summary>The taint effect to match; empty matches all effects.</summary>
    [JsonPropertyName("effect")]
    public TaintEffect? Effect { get; set; }

    /// <summary>For NoExecute taints: how long the taint is tolerated before eviction; unset means forever.</summary>
    [JsonPropertyName("tolerationSeconds")]
    public long? TolerationSeconds { get; set; }
}
