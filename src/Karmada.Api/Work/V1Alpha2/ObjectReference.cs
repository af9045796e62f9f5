using System.Text.Json.Serialization;
using Karmada.Api.Serialization;

namespace Karmada.Api.Work.V1Alpha2;

/// <summary>Locates the referenced resource template in the control plane.</summary>
public sealed class ObjectReference
{
    /// <summary>API version of the referent.</summary>
    [JsonPropertyName("apiVersion")]
    public string ApiVersion { get; set; } = "";

    /// <summary>Kind of the referent.</summary>
    [JsonPropertyName("kind")]
    public string Kind { get; set; } = "";

    /// <summary>Namespace of the referent; empty for cluster-scoped resources.</summary>
    [JsonPropertyName("namespace")]
    [OmitEmpty]
    public string? Namespace { get; set; }

    /// <summary>Name of the referent.</summary>
    [JsonPropertyName("name")]
    public string Name { get; set; } = "";

    /// <summary>UID of the referent.</summary>
    [JsonPropertyName("uid")]
    [OmitEmpty]
    public string? Uid { get; set; }

    /// <summary>Resource version of the referent, to tell when it changed.</summary>
    [JsonPropertyName("resourceVersion")]
    [OmitEmpty]
    public string? ResourceVersion { get; set; }
}
