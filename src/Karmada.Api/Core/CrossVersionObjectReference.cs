using System.Text.Json.Serialization;
using Karmada.Api.Serialization;

namespace Karmada.Api.Core;

/// <summary>Enough information to let you identify the referred resource (Kubernetes <c>autoscalingv2.CrossVersionObjectReference</c>).</summary>
public sealed class CrossVersionObjectReference
{
    /// <summary>Kind of the referent. Required.</summary>
    [JsonPropertyName("kind")]
    public string Kind { get; set; } = "";

    /// <summary>Name of the referent. Required.</summary>
    [JsonPropertyName("name")]
    public string Name { get; set; } = "";

    /// <summary>API version of the referent.</summary>
    [JsonPropertyName("apiVersion")]
    [OmitEmpty]
    public string? ApiVersion { get; set; }
}
