using System.Text.Json.Serialization;
using Karmada.Api.Serialization;

namespace Karmada.Api.Meta;

/// <summary>Relationship of a label selector requirement's key to its values.</summary>
[JsonConverter(typeof(StrictEnumConverter<LabelSelectorOperator>))]
public enum LabelSelectorOperator
{
    /// <summary>The label value is one of the values.</summary>
    In,

    /// <summary>The label value is none of the values (or the label is absent).</summary>
    NotIn,

    /// <summary>The label is present.</summary>
    Exists,

    /// <summary>The label is absent.</summary>
    DoesNotExist,
}
