using System.Text.Json.Serialization;
using Karmada.Api.Core;
using Karmada.Api.Meta;
using Karmada.Api.Serialization;

namespace Karmada.Api.Autoscaling.V1Alpha1;

/// <summary>A centralized HPA that scales a workload on metrics aggregated from all member clusters; the scheduler then places the replicas.</summary>
[KarmadaResource("autoscaling.karmada.io", "v1alpha1", "FederatedHPA", "federatedhpas", true, Singular = "federatedhpa", ShortNames = ["fhpa"], Categories = ["karmada-io"], HasStatus = true)]
[KarmadaPrinterColumn("REFERENCE-KIND", "string", ".spec.scaleTargetRef.kind")]
[KarmadaPrinterColumn("REFERENCE-NAME", "string", ".spec.scaleTargetRef.name")]
[KarmadaPrinterColumn("MINPODS", "integer", ".spec.minReplicas")]
[KarmadaPrinterColumn("MAXPODS", "integer", ".spec.maxReplicas")]
[KarmadaPrinterColumn("REPLICAS", "integer", ".status.currentReplicas")]
[KarmadaPrinterColumn("AGE", "date", ".metadata.creationTimestamp")]
public sealed class FederatedHPA : IKubernetesObject
{
    /// <summary><c>autoscaling.karmada.io/v1alpha1</c>.</summary>
    public const string KubeApiVersion = "autoscaling.karmada.io/v1alpha1";

    /// <summary><c>FederatedHPA</c>.</summary>
    public const string KubeKind = "FederatedHPA";

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

    /// <summary>The specification of the FederatedHPA. Required.</summary>
    [JsonPropertyName("spec")]
    public FederatedHPASpec Spec { get; set; } = new();

    /// <summary>The current status of the FederatedHPA. Always written, as upstream writes it.</summary>
    [JsonPropertyName("status")]
    public HorizontalPodAutoscalerStatus Status { get; set; } = new();
}
