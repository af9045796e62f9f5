using System.Text.Json.Serialization;
using Karmada.Api.Meta;
using Karmada.Api.Serialization;

namespace Karmada.Api.Policy.V1Alpha1;

/// <summary>A filter selecting clusters; a cluster matches when it satisfies every non-empty criterion and is not excluded.</summary>
public class ClusterAffinity
{
    /// <summary>Selects clusters by labels.</summary>
    [JsonPropertyName("labelSelector")]
    public LabelSelector? LabelSelector { get; set; }

    /// <summary>Selects clusters by fields (provider, region, zone with In or NotIn).</summary>
    [JsonPropertyName("fieldSelector")]
    public FieldSelector? FieldSelector { get; set; }

    /// <summary>Names of the clusters to select.</summary>
    [JsonPropertyName("clusterNames")]
    [OmitEmpty]
    public List<string> ClusterNames { get; set; } = [];

    /// <summary>Names of the clusters to ignore.</summary>
    [JsonPropertyName("exclude")]
    [OmitEmpty]
    public List<string> ExcludeClusters { get; set; } = [];
}
