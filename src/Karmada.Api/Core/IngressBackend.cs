using System.Text.Json.Serialization;

namespace Karmada.Api.Core;

/// <summary>The endpoint requests are sent to: a Service or another resource; exactly one must be set.</summary>
public sealed class IngressBackend
{
    /// <summary>A Service as the backend.</summary>
    [JsonPropertyName("service")]
    public IngressServiceBackend? Service { get; set; }

    /// <summary>Another resource in the same namespace as the backend.</summary>
    [JsonPropertyName("resource")]
    public TypedLocalObjectReference? Resource { get; set; }
}
