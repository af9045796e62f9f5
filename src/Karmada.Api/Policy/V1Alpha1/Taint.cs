using System.Text.Json.Serialization;
using Karmada.Api.Core;
using Karmada.Api.Serialization;

namespace Karmada.Api.Policy.V1Alpha1;

/// <summary>A taint a ClusterTaintPolicy applies to clusters.</summary>
public sealed class Taint
{
    /// <summary>The taint key. Required.</summary>
    [JsonPropertyName("key")]
    public string Key { get; set; } = "";

    /// <summary>NoSchedule, PreferNoExecute or NoExecute. Required.</summary>
    [JsonPropertyName("effect")]
    public TaintEffect Effect { get; set; }

    /// <summary>The taint value.</summary>
    [JsonPropertyName("value")]
    [OmitEmpty]
    public string? Value { get; set; }
}
