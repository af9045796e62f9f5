using System.Text.Json.Serialization;
using Karmada.Api.Meta;
using Karmada.Api.Serialization;

namespace Karmada.Api.Config.V1Alpha1;

/// <summary>Lua customizations of how Karmada interprets one resource type; takes precedence over interpreter webhooks and the built-in interpreter.</summary>
[KarmadaResource("config.karmada.io", "v1alpha1", "ResourceInterpreterCustomization", "resourceinterpretercustomizations", false, Singular = "resourceinterpretercustomization", ShortNames = ["ric"], Categories = ["karmada-io"])]
[KarmadaPrinterColumn("TARGET-API-VERSION", "string", ".spec.target.apiVersion")]
[KarmadaPrinterColumn("TARGET-KIND", "string", ".spec.target.kind")]
[KarmadaPrinterColumn("AGE", "date", ".metadata.creationTimestamp")]
public sealed class ResourceInterpreterCustomization : IKubernetesObject
{
    /// <summary><c>config.karmada.io/v1alpha1</c>.</summary>
    public const string KubeApiVersion = "config.karmada.io/v1alpha1";

    /// <summary><c>ResourceInterpreterCustomization</c>.</summary>
    public const string KubeKind = "ResourceInterpreterCustomization";

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

    /// <summary>The configuration in detail. Required.</summary>
    [JsonPropertyName("spec")]
    public ResourceInterpreterCustomizationSpec Spec { get; set; } = new();
}
