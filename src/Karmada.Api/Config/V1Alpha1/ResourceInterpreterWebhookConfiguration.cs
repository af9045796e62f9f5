using System.Text.Json.Serialization;
using Karmada.Api.Meta;
using Karmada.Api.Serialization;

namespace Karmada.Api.Config.V1Alpha1;

/// <summary>Webhooks that tell Karmada the details of resource objects, especially custom resources.</summary>
[KarmadaResource("config.karmada.io", "v1alpha1", "ResourceInterpreterWebhookConfiguration", "resourceinterpreterwebhookconfigurations", false, Singular = "resourceinterpreterwebhookconfiguration", Categories = ["karmada-io"])]
public sealed class ResourceInterpreterWebhookConfiguration : IKubernetesObject
{
    /// <summary><c>config.karmada.io/v1alpha1</c>.</summary>
    public const string KubeApiVersion = "config.karmada.io/v1alpha1";

    /// <summary><c>ResourceInterpreterWebhookConfiguration</c>.</summary>
    public const string KubeKind = "ResourceInterpreterWebhookConfiguration";

    /// <inheritdoc />
    [JsonPropertyName("apiVersion")]
    [OmitEmpty]
    public string ApiVersion { get; set; } = KubeApiVersion;

    /// <inheritdoc />
    [JsonPropertyName("kind")]
    [OmitEmpty]
    public string Kind { get; set; } = KubeKind;

    /// <inheritdoc />
    [JsonPropertyName("metadata")]
    public ObjectMeta Metadata { get; set; } = new();

    /// <summary>The webhooks and the resources and operations each applies to. Required.</summary>
    [JsonPropertyName("webhooks")]
    public List<ResourceInterpreterWebhook> Webhooks { get; set; } = [];
}
