using System.Text.Json.Serialization;

namespace Karmada.Api.Config.V1Alpha1;

/// <summary>The configuration of a ResourceInterpreterCustomization.</summary>
public sealed class ResourceInterpreterCustomizationSpec
{
    /// <summary>The resource type the customization applies to. Required.</summary>
    [JsonPropertyName("target")]
    public CustomizationTarget Target { get; set; } = new();

    /// <summary>The interpretation rules. Required.</summary>
    [JsonPropertyName("customizations")]
    public CustomizationRules Customizations { get; set; } = new();
}
