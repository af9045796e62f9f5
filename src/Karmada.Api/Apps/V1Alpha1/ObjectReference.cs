using System.Text.Json.Serialization;
using Karmada.Api.Serialization;

namespace Karmada.Api.Apps.V1Alpha1;

/// <summary>A workload to rebalance.</summary>
public sealed class ObjectReference
{
    /// <summary>API version of the workload. Required.</summary>
    [JsonPropertyName("apiVersion")]
    public string ApiVersion { get; set; } = "";

    /// <summary>Kind of the workload. Required.</summary>
    [JsonPropertyName("kind")]
    public string Kind { get; set; } = "";

    /// <summary>Name of the workload. Required.</summary>
    [JsonPropertyName("name")]
    public string Name { get; set; } = "";

    /// <summary>Namespace of the workload; empty for cluster-scoped resources.</summary>
    [JsonPropertyName("namespace")]
    [OmitEmpty]
    public string? Namespace { get; set; }
}
