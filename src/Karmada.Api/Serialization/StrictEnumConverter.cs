using System.Text.Json.Serialization;

namespace Karmada.Api.Serialization;

/// <summary>
/// String-only enum converter: values are read and written as their wire names
/// (<see cref="JsonStringEnumMemberNameAttribute"/>); numbers and unknown names are rejected, as the CRD enum
/// validation upstream rejects them.
/// </summary>
/// <typeparam name="TEnum">The enum type.</typeparam>
public sealed class StrictEnumConverter<TEnum> : JsonStringEnumConverter<TEnum>
    where TEnum : struct, Enum
{
    /// <summary>Creates the converter.</summary>
    public StrictEnumConverter()
        : base(namingPolicy: null, allowIntegerValues: false)
    {
    }
}
