using System.Text.Json.Serialization;

namespace Karmada.Api.Remedy.V1Alpha1;

/// <summary>A requirement on one cluster condition.</summary>
public sealed class ClusterConditionRequirement
{
    /// <summary>The cluster condition type, e.g. ServiceDomainNameResolutionReady. Required.</summary>
    [JsonPropertyName("conditionType")]
    public string ConditionType { get; set; } = "";

    /// <summary>Equal or NotEqual. Required.</summary>
    [JsonPropertyName("operator")]
    public ClusterConditionOperator Operator { get; set; }

    /// <summary>The condition status to compare with. Required.</summary>
    [JsonPropertyName("conditionStatus")]
    public string ConditionStatus { get; set; } = "";
}
