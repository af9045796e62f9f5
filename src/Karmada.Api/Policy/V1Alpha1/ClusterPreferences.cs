using System.Text.Json.Serialization;
using Karmada.Api.Serialization;

namespace Karmada.Api.Policy.V1Alpha1;

/// <summary>Weights of clusters or cluster groups.</summary>
public sealed class ClusterPreferences
{
    /// <summary>Static cluster weights.</summary>
    [JsonPropertyName("staticWeightList")]
    [OmitEmpty]
    public List<StaticClusterWeight> StaticWeightList { get; set; } = [];

    /// <summary>Generates the weights dynamically from this factor; when set, staticWeightList is ignored.</summary>
    [JsonPropertyName("dynamicWeight")]
    public DynamicWeightFactor? DynamicWeight { get; set; }
}
