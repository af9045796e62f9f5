using System.Text.Json.Serialization;
using Karmada.Api.Meta;
using Karmada.Api.Serialization;

namespace Karmada.Api.Apps.V1Alpha1;

/// <summary>A job that forces a fresh rescheduling (rebalance) of the listed workloads.</summary>
[KarmadaResource("apps.karmada.io", "v1alpha1", "WorkloadRebalancer", "workloadrebalancers", false, Singular = "workloadrebalancer", HasStatus = true)]
public sealed class WorkloadRebalancer : IKubernetesObject
{
    /// <summary><c>apps.karmada.io/v1alpha1</c>.</summary>
    public const string KubeApiVersion = "apps.karmada.io/v1alpha1";

    /// <summary><c>WorkloadRebalancer</c>.</summary>
    public const string KubeKind = "WorkloadRebalancer";

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

    /// <summary>The desired behavior of the WorkloadRebalancer. Required.</summary>
    [JsonPropertyName("spec")]
    public WorkloadRebalancerSpec Spec { get; set; } = new();

    /// <summary>The status of the WorkloadRebalancer.</summary>
    [JsonPropertyName("status")]
    public WorkloadRebalancerStatus Status { get; set; } = new();
}
