using System.Text.Json.Serialization;
using Karmada.Api.Serialization;

namespace Karmada.Api.Cluster.V1Alpha1;

/// <summary>Summary of the node status of a cluster.</summary>
public sealed class NodeSummary
{
    /// <summary>Total number of nodes.</summary>
    [JsonPropertyName("totalNum")]
    [OmitEmpty]
    public int TotalNum { get; set; }

    /// <summary>Number of ready nodes.</summary>
    [JsonPropertyName("readyNum")]
    [OmitEmpty]
    public int ReadyNum { get; set; }
}
