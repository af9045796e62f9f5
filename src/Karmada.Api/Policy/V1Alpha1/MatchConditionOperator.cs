using System.Text.Json.Serialization;
using Karmada.Api.Serialization;

namespace Karmada.Api.Policy.V1Alpha1;

/// <summary>Relationship of a cluster condition status to a set of values.</summary>
[JsonConverter(typeof(StrictEnumConverter<MatchConditionOperator>))]
public enum MatchConditionOperator
{
    /// <summary>The status is one of the values.</summary>
    In,

    /// <summary>The status is none of the values.</summary>
    NotIn,
}
