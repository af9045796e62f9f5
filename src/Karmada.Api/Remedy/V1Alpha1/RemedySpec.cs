using System.Text.Json.Serialization;
using Karmada.Api.Serialization;

namespace Karmada.Api.Remedy.V1Alpha1;

/// <summary>The desired behavior of a Remedy.</summary>
public sealed class RemedySpec
{
    /// <summary>The clusters the Remedy watches; empty selects all clusters.</summary>
    [JsonPropertyName("clusterAffinity")]
    public ClusterAffinity? ClusterAffinity { get; set; }

    /// <summary>Any one match triggers the actions; empty performs them immediately.</summary>
    [JsonPropertyName("decisionMatches")]
    [OmitEmpty]
    public List<DecisionMatch> DecisionMatches { get; set; } = [];

    /// <summary>The actions to perform, e.g. TrafficControl; empty performs none.</summary>
    [JsonPropertyName("actions")]
    [OmitEmpty]
    public List<string> Actions { get; set; } = [];
}
