using System.Text.Json.Serialization;
using Karmada.Api.Meta;
using Karmada.Api.Serialization;

namespace Karmada.Api.Policy.V1Alpha1;

/// <summary>Selects the resources a policy applies to.</summary>
public sealed class ResourceSelector
{
    /// <summary>API version of the target resources. Required.</summary>
    [JsonPropertyName("apiVersion")]
    public string ApiVersion { get; set; } = "";

    /// <summary>Kind of the target resources. Required.</summary>
    [JsonPropertyName("kind")]
    public string Kind { get; set; } = "";

    /// <summary>Namespace of the target resources; empty inherits the namespace of the policy.</summary>
    [JsonPropertyName("namespace")]
    [OmitEmpty]
    public string? Namespace { get; set; }

    /// <summary>Name of the target resource; empty selects all resources.</summary>
    [JsonPropertyName("name")]
    [OmitEmpty]
    public string? Name { get; set; }

    /// <summary>A label query over the resources; ignored when name is set.</summary>
    [JsonPropertyName("labelSelector")]
    public LabelSelector? LabelSelector { get; set; }
}
