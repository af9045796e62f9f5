using System.Text.Json.Serialization;
using Karmada.Api.Meta;
using Karmada.Api.Serialization;

namespace Karmada.Api.Config.V1Alpha1;

/// <summary>A list of <see cref="ResourceInterpreterCustomization"/>.</summary>
public sealed class ResourceInterpreterCustomizationList : IKubernetesObjectList<ResourceInterpreterCustomization>
{
    /// <inheritdoc />
    [JsonPropertyName("apiVersion")]
    [OmitEmpty]
    public string ApiVersion { get; set; } = ResourceInterpreterCustomization.KubeApiVersion;

    /// <inheritdoc />
    [JsonPropertyName("kind")]
    [OmitEmpty]
    public string Kind { get; set; } = "ResourceInterpreterCustomizationList";

    /// <inheritdoc />
    [JsonPropertyName("metadata")]
    public ListMeta Metadata { get; set; } = new();

    /// <summary>The items.</summary>
    [JsonPropertyName("items")]
    public List<ResourceInterpreterCustomization> Items { get; set; } = [];
}
