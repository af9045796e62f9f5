using System.Text.Json.Serialization;
using Karmada.Api.Serialization;

namespace Karmada.Api.Work.V1Alpha1;

/// <summary>Identifies one manifest of a Work.</summary>
public sealed class ResourceIdentifier
{
    /// <summary>Index in the manifests list, so the status links even if the manifest cannot be parsed.</summary>
    [JsonPropertyName("ordinal")]
    public int Ordinal { get; set; }

    /// <summary>The API group.</summary>
    [JsonPropertyName("group")]
    [OmitEmpty]
    public string? Group { get; set; }

    /// <summary>The API version.</summary>
    [JsonPropertyName("version")]
    public string Version { get; set; } = "";

    /// <summary>The kind.</summary>
    [JsonPropertyName("kind")]
    public string Kind { get; set; } = "";

    /// <summary>The resource (plural) name.</summary>
    [JsonPropertyName("resource")]
    public string Resource { get; set; } = "";

    /// <summary>The namespace; empty for cluster-scoped resources.</summary>
    [JsonPropertyName("namespace")]
    [OmitEmpty]
    public string? Namespace { get; set; }

    /// <summary>The name.</summary>
    [JsonPropertyName("name")]
    public string Name { get; set; } = "";
}
