using System.Text.Json.Serialization;
using Karmada.Api.Serialization;

namespace Karmada.Api.Meta;

/// <summary>Status of a condition: <c>True</c>, <c>False</c> or <c>Unknown</c>.</summary>
[JsonConverter(typeof(StrictEnumConverter<ConditionStatus>))]
public enum ConditionStatus
{
    /// <summary>The condition holds.</summary>
    True,

    /// <summary>The condition does not hold.</summary>
    False,

    /// <summary>It cannot be decided whether the condition holds.</summary>
    Unknown,
}
