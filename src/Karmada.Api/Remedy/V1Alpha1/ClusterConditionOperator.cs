using System.Text.Json.Serialization;
using Karmada.Api.Serialization;

namespace Karmada.Api.Remedy.V1Alpha1;

/// <summary>Relationship of a cluster condition to a status.</summary>
[JsonConverter(typeof(StrictEnumConverter<ClusterConditionOperator>))]
public enum ClusterConditionOperator
{
    /// <summary>The condition status equals the value.</summary>
    Equal,

    /// <summary>The condition status differs from the value.</summary>
    NotEqual,
}
