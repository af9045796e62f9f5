using System.Text.Json.Serialization;
using Karmada.Api.Meta;
using Karmada.Api.Serialization;

namespace Karmada.Api.Work.V1Alpha2;

/// <summary>Binds a cluster-scoped resource template to a ClusterPropagationPolicy and records where it is scheduled.</summary>
[KarmadaResource("work.karmada.io", "v1alpha2", "ClusterResourceBinding", "clusterresourcebindings", false, Singular = "clusterresourcebinding", ShortNames = ["crb"], Categories = ["karmada-io"], HasStatus = true)]
[KarmadaPrinterColumn("SCHEDULED", "string", ".status.conditions[?(@.type==\"Scheduled\")].status")]
[KarmadaPrinterColumn("FULLYAPPLIED", "string", ".status.conditions[?(@.type==\"FullyApplied\")].status")]
[KarmadaPrinterColumn("AGE", "date", ".metadata.creationTimestamp")]
public sealed class ClusterResourceBinding : IKubernetesObject
{
    /// <summary><c>work.karmada.io/v1alpha2</c>.</summary>
    public const string KubeApiVersion = "work.karmada.io/v1alpha2";

    /// <summary><c>ClusterResourceBinding</c>.</summary>
    public const string KubeKind = "ClusterResourceBinding";

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
