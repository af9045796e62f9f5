using System.Text.Json.Serialization;
using Karmada.Api.Meta;
using Karmada.Api.Serialization;

namespace Karmada.Api.Work.V1Alpha1;

/// <summary>The resources to be deployed on one member cluster; lives in the cluster's execution namespace karmada-es-&lt;cluster&gt;.</summary>
[KarmadaResource("work.karmada.io", "v1alpha1", "Work", "works", true, Singular = "work", ShortNames = ["wk"], Categories = ["karmada-io"], HasStatus = true)]
[KarmadaPrinterColumn("WORKLOAD-KIND", "string", ".spec.workload.manifests[*].kind")]
[KarmadaPrinterColumn("APPLIED", "string", ".status.conditions[?(@.type==\"Applied\")].status")]
[KarmadaPrinterColumn("AGE", "date", ".metadata.creationTimestamp")]
public sealed class Work : IKubernetesObject
{
    /// <summary><c>work.karmada.io/v1alpha1</c>.</summary>
    public const string KubeApiVersion = "work.karmada.io/v1alpha1";

    /// <summary><c>Work</c>.</summary>
    public const string KubeKind = "Work";

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

    /// <summary>The desired behavior of the Work. Required.</summary>
    [JsonPropertyName("spec")]
    public WorkSpec Spec { get; set; } = new();

    /// <summary>The observed status of the Work.</summary>
    [JsonPropertyName("status")]
    public WorkStatus Status { get; set; } = new();
}
