using System.Text.Json.Serialization;
using Karmada.Api.Serialization;

namespace Karmada.Api.Policy.V1Alpha1;

/// <summary>A constraint on how resources spread over cluster groups.</summary>
public sealed class SpreadConstraint
{
    /// <summary>The Cluster field grouping clusters: cluster, region, zone or provider; exclusive with spreadByLabel. Defaults to cluster when both are empty.</summary>
    [JsonPropertyName("spreadByField")]
    public SpreadFieldValue? SpreadByField { get; set; }

    /// <summary>The cluster label key grouping clusters; exclusive with spreadByField.</summary>
    [JsonPropertyName("spreadByLabel")]
    [OmitEmpty]
    public string? SpreadByLabel { get; set; }

    /// <summary>Maximum number of cluster groups to select.</summary>
    [JsonPropertyName("maxGroups")]
    [OmitEmpty]
    public int MaxGroups { get; set; }

    /// <summary>Minimum number of cluster groups to select. Defaults to 1.</summary>
    [JsonPropertyName("minGroups")]
    [OmitEmpty]
    public int MinGroups { get; set; }
}
