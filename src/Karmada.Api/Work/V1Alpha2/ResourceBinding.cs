using System.Text.Json.Serialization;
using Karmada.Api.Meta;
using Karmada.Api.Serialization;

namespace Karmada.Api.Work.V1Alpha2;

/// <summary>Binds a namespaced resource template to a propagation policy and records where it is scheduled.</summary>
[KarmadaResource("work.karmada.io", "v1alpha2", "ResourceBinding", "resourcebindings", true, Singular = "resourcebinding", ShortNames = ["rb"], Categories = ["karmada-io"], HasStatus = true)]
[KarmadaPrinterColumn("SCHEDULED", "string", ".status.conditions[?(@.type==\"Scheduled\")].status")]
[KarmadaPrinterColumn("FULLYAPPLIED", "string", ".status.conditions[?(@.type==\"FullyApplied\")].status")]
[KarmadaPrinterColumn("AGE", "date", ".metadata.creationTimestamp")]
public sealed class ResourceBinding : IKubernetesObject
{
    /// <summary><c>work.karmada.io/v1alpha2</c>.</summary>
    public const string KubeApiVersion = "work.karmada.io/v1alpha2";

    /// <summary><c>ResourceBinding</c>.</summary>
    public const string KubeKind = "ResourceBinding";

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

    /// <summary>The desired behavior. Required.</summary>
    [JsonPropertyName("spec")]
    public ResourceBindingSpec Spec { get; set; } = new();

    /// <summary>The most recently observed status.</summary>
    [JsonPropertyName("status")]
    public ResourceBindingStatus Status { get; set; } = new();
}
