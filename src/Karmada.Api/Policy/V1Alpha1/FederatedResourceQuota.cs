using System.Text.Json.Serialization;
using Karmada.Api.Meta;
using Karmada.Api.Serialization;

namespace Karmada.Api.Policy.V1Alpha1;

/// <summary>Aggregate quota restrictions enforced per namespace across all clusters.</summary>
[KarmadaResource("policy.karmada.io", "v1alpha1", "FederatedResourceQuota", "federatedresourcequotas", true, Singular = "federatedresourcequota", Categories = ["karmada-io"], HasStatus = true)]
[KarmadaPrinterColumn("OVERALL", "string", ".status.overall")]
[KarmadaPrinterColumn("OVERALL_USED", "string", ".status.overallUsed")]
public sealed class FederatedResourceQuota : IKubernetesObject
{
    /// <summary><c>policy.karmada.io/v1alpha1</c>.</summary>
    public const string KubeApiVersion = "policy.karmada.io/v1alpha1";

    /// <summary><c>FederatedResourceQuota</c>.</summary>
    public const string KubeKind = "FederatedResourceQuota";

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

    /// <summary>The desired quota. Required.</summary>
    [JsonPropertyName("spec")]
    public FederatedResourceQuotaSpec Spec { get; set; } = new();

    /// <summary>The enforced quota and its current usage.</summary>
    [JsonPropertyName("status")]
    public FederatedResourceQuotaStatus Status { get; set; } = new();
}
