using System.Text.Json.Serialization;
using Karmada.Api.Meta;
using Karmada.Api.Serialization;

namespace Karmada.Api.Autoscaling.V1Alpha1;

/// <summary>Repeating schedules that scale a workload with a scale subresource, or a FederatedHPA.</summary>
[KarmadaResource("autoscaling.karmada.io", "v1alpha1", "CronFederatedHPA", "cronfederatedhpas", true, Singular = "cronfederatedhpa", ShortNames = ["cronfhpa"], Categories = ["karmada-io"], HasStatus = true)]
[KarmadaPrinterColumn("REFERENCE-KIND", "string", ".spec.scaleTargetRef.kind")]
[KarmadaPrinterColumn("REFERENCE-NAME", "string", ".spec.scaleTargetRef.name")]
[KarmadaPrinterColumn("AGE", "date", ".metadata.creationTimestamp")]
public sealed class CronFederatedHPA : IKubernetesObject
{
    /// <summary><c>autoscaling.karmada.io/v1alpha1</c>.</summary>
    public const string KubeApiVersion = "autoscaling.karmada.io/v1alpha1";

    /// <summary><c>CronFederatedHPA</c>.</summary>
    public const string KubeKind = "CronFederatedHPA";

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

    /// <summary>The specification of the CronFederatedHPA. Required.</summary>
    [JsonPropertyName("spec")]
    public CronFederatedHPASpec Spec { get; set; } = new();

    /// <summary>The current status of the CronFederatedHPA. Always written, as upstream writes it.</summary>
    [JsonPropertyName("status")]
    public CronFederatedHPAStatus Status { get; set; } = new();
}
