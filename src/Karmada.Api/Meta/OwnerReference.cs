using System.Text.Json.Serialization;

namespace Karmada.Api.Meta;

/// <summary>Enough information to identify an owning object in the same namespace (Kubernetes <c>metav1.OwnerReference</c>).</summary>
public sealed class OwnerReference
{
    /// <summary>API version of the referent.</summary>
    [JsonPropertyName("apiVersion")]
    public string ApiVersion { get; set; } = "";

    /// <summary>Kind of the referent.</summary>
    [JsonPropertyName("kind")]
    public string Kind { get; set; } = "";

    /// <summary>Name of the referent.</summary>
    [JsonPropertyName("name")]
    public string Name { get; set; } = "";

    /// <summary>UID of the referent.</summary>
    [JsonPropertyName("uid")]
    public string Uid { get; set; } = "";

    /// <summary>If true, this reference points to the managing controller.</summary>
    [JsonPropertyName("controller")]
    public bool? Controller { get; set; }

    /// <summary>If true, the owner cannot be deleted from storage before this reference is removed (foreground deletion).</summary>
    [JsonPropertyName("blockOwnerDeletion")]
    public bool? BlockOwnerDeletion { get; set; }
}
