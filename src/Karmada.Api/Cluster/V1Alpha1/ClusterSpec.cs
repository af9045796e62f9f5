using System.Text.Json.Serialization;
using Karmada.Api.Core;
using Karmada.Api.Serialization;

namespace Karmada.Api.Cluster.V1Alpha1;

/// <summary>The desired state of a member cluster.</summary>
public sealed class ClusterSpec
{
    /// <summary>
    /// Unique identifier of the cluster, collected at registration from the <c>cluster.clusterset.k8s.io</c>
    /// ClusterProperty or else the uid of the <c>kube-system</c> namespace. Do not change it.
    /// </summary>
    [JsonPropertyName("id")]
    [OmitEmpty]
    public string? Id { get; set; }

    /// <summary>How the cluster syncs resources from the control plane: Push or Pull. Required.</summary>
    [JsonPropertyName("syncMode")]
    public ClusterSyncMode SyncMode { get; set; }

    /// <summary>The API endpoint of the member cluster: hostname, hostname:port, IP or IP:port.</summary>
    [JsonPropertyName("apiEndpoint")]
    [OmitEmpty]
    public string? ApiEndpoint { get; set; }

    /// <summary>The secret with the credentials to access the member cluster (keys <c>token</c> and <c>caBundle</c>).</summary>
    [JsonPropertyName("secretRef")]
    public LocalSecretReference? SecretRef { get; set; }

    /// <summary>The secret with the token of the impersonator (key <c>token</c>).</summary>
    [JsonPropertyName("impersonatorSecretRef")]
    public LocalSecretReference? ImpersonatorSecretRef { get; set; }

    /// <summary>Skip verifying the member cluster's serving certificate (insecure). Defaults to false.</summary>
    [JsonPropertyName("insecureSkipTLSVerification")]
    [OmitEmpty]
    public bool InsecureSkipTlsVerification { get; set; }

    /// <summary>Proxy URL (http, https or socks5) used to talk to the cluster.</summary>
    [JsonPropertyName("proxyURL")]
    [OmitEmpty]
    public string? ProxyUrl { get; set; }

    /// <summary>HTTP headers required by the proxy; multiple values are comma separated.</summary>
    [JsonPropertyName("proxyHeader")]
    [OmitEmpty]
    public Dictionary<string, string> ProxyHeader { get; set; } = [];

    /// <summary>The cloud provider name of the member cluster.</summary>
    [JsonPropertyName("provider")]
    [OmitEmpty]
    public string? Provider { get; set; }

    /// <summary>The region the member cluster is located in.</summary>
    [JsonPropertyName("region")]
    [OmitEmpty]
    public string? Region { get; set; }

    /// <summary>Deprecated: never used by Karmada; use <see cref="Zones"/>.</summary>
    [JsonPropertyName("zone")]
    [OmitEmpty]
    public string? Zone { get; set; }

    /// <summary>The failure (availability) zones the member cluster runs across.</summary>
    [JsonPropertyName("zones")]
    [OmitEmpty]
    public List<string> Zones { get; set; } = [];

    /// <summary>Taints on the cluster; they affect any resource that does not tolerate them.</summary>
    [JsonPropertyName("taints")]
    [OmitEmpty]
    public List<Taint> Taints { get; set; } = [];

    /// <summary>
    /// Resource models (grades of cpu, memory, storage, ephemeral-storage ranges) used to summarize allocatable
    /// resources; defaults to grades 0 to 8 when not set.
    /// </summary>
    [JsonPropertyName("resourceModels")]
    [OmitEmpty]
    public List<ResourceModel> ResourceModels { get; set; } = [];
}
