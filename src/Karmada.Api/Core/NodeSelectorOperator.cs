using System.Text.Json.Serialization;
using Karmada.Api.Serialization;

namespace Karmada.Api.Core;

/// <summary>Relationship of a node selector requirement's key to its values.</summary>
[JsonConverter(typeof(StrictEnumConverter<NodeSelectorOperator>))]
public enum NodeSelectorOperator
{
    /// <summary>The value is one of the values.</summary>
    In,

    /// <summary>The value is none of the values.</summary>
    NotIn,

    /// <summary>The key is present.</summary>
    Exists,

    /// <summary>The key is absent.</summary>
    DoesNotExist,

    /// <summary>The value, as an integer, is greater than the single value.</summary>
    Gt,

    /// <summary>The value, as an integer, is less than the single value.</summary>
    Lt,
}
