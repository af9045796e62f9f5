using System.Text.Json.Serialization;
using Karmada.Api.Serialization;

namespace Karmada.Api.Core;

/// <summary>A taint: workloads that do not tolerate it are affected by its effect (Kubernetes <c>corev1.Taint</c>).</summary>
public sealed class Taint
{
    /// <summary>The taint key. Required.</summary>
    [JsonPropertyName("key")]
    public string Key { get; set; } = "";

    /// <summary>The taint value corresponding to the key.</summary>
    [JsonPropertyName("value")]
    [OmitEmpty]
    public string? Value { get; set; }

    /// <summary>The effect on workloads that do not tolerate the taint. Required.</summary>
    [JsonPropertyName("effect")]
    public TaintEffect Effect { get; set; }

    /// <summary>When the taint was added; only set for NoExecute taints.</summary>
    [JsonPropertyName("timeAdded")]
    public DateTimeOffset? TimeAdded { get; set; }
}
