using System.Text.Json.Serialization;
using Karmada.Api.Meta;
using Karmada.Api.Serialization;

namespace Karmada.Api.Config.V1Alpha1;

/// <summary>A list of <see cref="ResourceInterpreterWebhookConfiguration"/>.</summary>
public sealed class ResourceInterpreterWebhookConfigurationList : IKubernetesObjectList<ResourceInterpreterWebhookConfiguration>
{
    /// <inheritdoc />
    [JsonPropertyName("apiVersion")]
    [OmitEmpty]
    public string ApiVersion { get; set; } = ResourceInterpreterWebhookConfiguration.KubeApiVersion;

    /// <inheritdoc />
    [JsonPropertyName("kind")]
    [OmitEmpty]
    public string Kind { get; set; } = "ResourceInterpreterWebhookConfigurationList";

    /// <inheritdoc />
    [JsonPropertyName("metadata")]
    public ListMeta Metadata { get; set; } = new();

    /// <summary>The items.</summary>
    [JsonPropertyName("items")]
    public List<ResourceInterpreterWebhookConfiguration> Items { get; set; } = [];
}
