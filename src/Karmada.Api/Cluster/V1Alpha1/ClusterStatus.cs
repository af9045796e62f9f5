using System.Text.Json.Serialization;
using Karmada.Api.Meta;
using Karmada.Api.Serialization;

namespace Karmada.Api.Cluster.V1Alpha1;

/// <summary>The current status of a member cluster, updated periodically by the cluster status controller.</summary>
public sealed class ClusterStatus
{
    /// <summary>The Kubernetes version of the member cluster.</summary>
    [JsonPropertyName("kubernetesVersion")]
    [OmitEmpty]
    public string? KubernetesVersion { get; set; }

    /// <summary>The APIs installed in the member cluster.</summary>
    [JsonPropertyName("apiEnablements")]
    [OmitEmpty]
    public List<APIEnablement> ApiEnablements { get; set; } = [];

    /// <summary>Current cluster conditions (<c>Ready</c>, <c>CompleteAPIEnablements</c>, ...).</summary>
    [JsonPropertyName("conditions")]
    [OmitEmpty]
    public List<Condition> Conditions { get; set; } = [];

    /// <summary>Summary of the nodes of the member cluster.</summary>
    [JsonPropertyName("nodeSummary")]
    public NodeSummary? NodeSummary { get; set; }

    /// <summary>Summary of the resources of the member cluster.</summary>
    [JsonPropertyName("resourceSummary")]
    public ResourceSummary? ResourceSummary { get; set; }

    /// <summary>Remedy actions to be performed on the cluster (e.g. <c>TrafficControl</c>).</summary>
    [JsonPropertyName("remedyActions")]
    [OmitEmpty]
    public List<string> RemedyActions { get; set; } = [];
}
