using System.Text.Json.Serialization;
using Karmada.Api.Meta;
using Karmada.Api.Serialization;

namespace Karmada.Api.Cluster.V1Alpha1;

/// <summary>The desired state and status of a member cluster.</summary>
[KarmadaResource("cluster.karmada.io", "v1alpha1", "Cluster", "clusters", false, Singular = "cluster", HasStatus = true)]
[KarmadaPrinterColumn("Version", "string", ".status.kubernetesVersion", Description = "KubernetesVersion represents version of the member cluster.")]
[KarmadaPrinterColumn("Mode", "string", ".spec.syncMode", Description = "SyncMode describes how a cluster sync resources from karmada control plane.")]
[KarmadaPrinterColumn("Ready", "string", ".status.conditions[?(@.type==\"Ready\")].status", Description = "The aggregate readiness state of this cluster for accepting workloads.")]
[KarmadaPrinterColumn("Age", "date", ".metadata.creationTimestamp", Description = "CreationTimestamp is a timestamp representing the server time when this object was created.")]
[KarmadaPrinterColumn("Zones", "string", ".spec.zones", Priority = 1, Description = "Zones represents the failure zones(also called availability zones) of the member cluster. The zones are presented as a slice to support the case that cluster runs across multiple failure zones.")]
[KarmadaPrinterColumn("Region", "string", ".spec.region", Priority = 1, Description = "Region represents the region of the member cluster locate in.")]
[KarmadaPrinterColumn("Provider", "string", ".spec.provider", Priority = 1, Description = "Provider represents the cloud provider name of the member cluster.")]
[KarmadaPrinterColumn("API-Endpoint", "string", ".spec.apiEndpoint", Priority = 1, Description = "The API endpoint of the member cluster.")]
[KarmadaPrinterColumn("Proxy-URL", "string", ".spec.proxyURL", Priority = 1, Description = "ProxyURL is the proxy URL for the cluster.")]
public sealed class Cluster : IKubernetesObject
{
    /// <summary><c>cluster.karmada.io/v1alpha1</c>.</summary>
    public const string KubeApiVersion = "cluster.karmada.io/v1alpha1";

    /// <summary><c>Cluster</c>.</summary>
    public const string KubeKind = "Cluster";

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

    /// <summary>The specification of the desired behavior of the member cluster.</summary>
    [JsonPropertyName("spec")]
    public ClusterSpec Spec { get; set; } = new();

    /// <summary>The status of the member cluster.</summary>
    [JsonPropertyName("status")]
    public ClusterStatus Status { get; set; } = new();
}
