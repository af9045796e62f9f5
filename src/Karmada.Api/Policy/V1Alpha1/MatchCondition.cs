using System.Text.Json.Serialization;
using Karmada.Api.Meta;

namespace Karmada.Api.Policy.V1Alpha1;

/// <summary>A match on one cluster condition.</summary>
public sealed class MatchCondition
{
    /// <summary>The cluster condition type. Required.</summary>
    [JsonPropertyName("conditionType")]
    public string ConditionType { get; set; } = "";

    /// <summary>In or NotIn. Required.</summary>
    [JsonPropertyName("operator")]
    public MatchConditionOperator Operator { get; set; }

    /// <summary>The condition statuses to match. Required.</summary>
    [JsonPropertyName("statusValues")]
    public List<ConditionStatus> StatusValues { get; set; } = [];
}
