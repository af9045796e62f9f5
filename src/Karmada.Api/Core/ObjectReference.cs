using System.Text.Json.Serialization;
using Karmada.Api.Serialization;

namespace Karmada.Api.Core;

/// <summary>A reference to an object, possibly a field within it (Kubernetes <c>corev1.ObjectReference</c>).</summary>
public sealed class ObjectReference
{
    /// <summary>Kind of the referent.</summary>
    [JsonPropertyName("kind")]
    [OmitEmpty]
    public string? Kind { get; set; }

    /// <summary>Namespace of the referent.</summary>
    [JsonPropertyName("namespace")]
    [OmitEmpty]
    public string? Namespace { get; set; }

    /// <summary>Name of the referent.</summary>
    [JsonPropertyName("name")]
    [OmitEmpty]
    public string? Name { get; set; }

    /// <summary>UID of the referent.</summary>
    [JsonPropertyName("uid")]
    [OmitEmpty]
    public string? Uid { get; set; }

    /// <summary>API version of the referent.</summary>
    [JsonPropertyName("apiVersion")]
    [OmitEmpty]
    public string? ApiVersion { get; set; }

    /// <summary>The resource version the reference was taken at.</summary>
    [JsonPropertyName("resourceVersion")]
    [OmitEmpty]
    public string? ResourceVersion { get; set; }

    /// <summary>A field within the object, e.g. <c>spec.containers{name}</c>.</summary>
    [JsonPropertyName("fieldPath")]
    [OmitEmpty]
    public string? FieldPath { get; set; }
}
