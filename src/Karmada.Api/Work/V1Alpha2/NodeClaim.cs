using System.Text.Json.Serialization;
using Karmada.Api.Core;
using Karmada.Api.Serialization;

namespace Karmada.Api.Work.V1Alpha2;

/// <summary>Node constraints of each replica.</summary>
public sealed class NodeClaim
{
    /// <summary>The required node affinity (requiredDuringSchedulingIgnoredDuringExecution only, as it limits scheduling).</summary>
    [JsonPropertyName("hardNodeAffinity")]
    public NodeSelector? HardNodeAffinity { get; set; }

    /// <summary>Labels a node must have to run a replica.</summary>
    [JsonPropertyName("nodeSelector")]
    [OmitEmpty]
    public Dictionary<string, string> NodeSelector { get; set; } = [];

    /// <summary>The pod's tolerations.</summary>
    [JsonPropertyName("tolerations")]
    [OmitEmpty]
    public List<Toleration> Tolerations { get; set; } = [];
}
