using System.Text.Json.Serialization;
using Karmada.Api.Serialization;

namespace Karmada.Api.Policy.V1Alpha1;

/// <summary>The operation an overrider applies.</summary>
[JsonConverter(typeof(StrictEnumConverter<OverriderOperator>))]
public enum OverriderOperator
{
    /// <summary>Add the value.</summary>
    [JsonStringEnumMemberName("add")]
    Add,

    /// <summary>Remove the value.</summary>
    [JsonStringEnumMemberName("remove")]
    Remove,

    /// <summary>Replace with the value.</summary>
    [JsonStringEnumMemberName("replace")]
    Replace,
}
