using System.Text.Json.Serialization;
using Karmada.Api.Serialization;

namespace Karmada.Api.Core;

/// <summary>The relationship between a toleration's key and value.</summary>
[JsonConverter(typeof(StrictEnumConverter<TolerationOperator>))]
public enum TolerationOperator
{
    /// <summary>Any value of the key is tolerated (wildcard).</summary>
    Exists,

    /// <summary>The taint value must equal the toleration value.</summary>
    Equal,

    /// <summary>Numeric comparison: taint value less than the toleration value (rejected by Karmada policies).</summary>
    Lt,

    /// <summary>Numeric comparison: taint value greater than the toleration value (rejected by Karmada policies).</summary>
    Gt,
}
