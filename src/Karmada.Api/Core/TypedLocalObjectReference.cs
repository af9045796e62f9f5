using System.Text.Json.Serialization;

namespace Karmada.Api.Core;

/// <summary>A typed reference to an object in the same namespace (Kubernetes <c>corev1.TypedLocalObjectReference</c>).</summary>
public sealed class TypedLocalObjectReference
{
    /// <summary>API group of the referent; null means the core group.</summary>
    [JsonPropertyName("apiGroup")]
    [JsonIgnore(Condition = JsonIgnoreCondition.Never)]
    public string? ApiGroup { get; set; }

    /// <summary>Kind of the referent.</summary>
    [JsonPropertyName("kind")]
    public string Kind { get; set; } = "";

    /// <summary>Name of the referent.</summary>
    [JsonPropertyName("name")]
    public string Name { get; set; } = "";
}
