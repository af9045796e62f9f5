using System.Text.Json.Serialization;

namespace Karmada.Api.Config.V1Alpha1;

/// <summary>The resource type a customization applies to.</summary>
public sealed class CustomizationTarget
{
    /// <summary>API version of the target resources. Required.</summary>
    [JsonPropertyName("apiVersion")]
    public string ApiVersion { get; set; } = "";

    /// <summary>Kind of the target resources. Required.</summary>
    [JsonPropertyName("kind")]
    public string Kind { get; set; } = "";
}
