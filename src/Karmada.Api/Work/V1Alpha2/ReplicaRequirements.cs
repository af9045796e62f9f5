using System.Text.Json.Serialization;
using Karmada.Api.Core;
using Karmada.Api.Serialization;

namespace Karmada.Api.Work.V1Alpha2;

/// <summary>The resource and scheduling requirements of each replica.</summary>
public sealed class ReplicaRequirements
{
    /// <summary>Node affinity, node selector and tolerations of each replica.</summary>
    [JsonPropertyName("nodeClaim")]
    public NodeClaim? NodeClaim { get; set; }

    /// <summary>The resources each replica requests.</summary>
    [JsonPropertyName("resourceRequest")]
    [OmitEmpty]
    public ResourceList ResourceRequest { get; set; } = [];

    /// <summary>The namespace of the replicas.</summary>
    [JsonPropertyName("namespace")]
    [OmitEmpty]
    public string? Namespace { get; set; }

    /// <summary>The priority class of the replicas.</summary>
    [JsonPropertyName("priorityClassName")]
    [OmitEmpty]
    public string? PriorityClassName { get; set; }
}
