using System.Text.Json.Serialization;
using Karmada.Api.Serialization;

namespace Karmada.Api.Policy.V1Alpha1;

/// <summary>How the resource template reacts to policy changes.</summary>
[JsonConverter(typeof(StrictEnumConverter<ActivationPreference>))]
public enum ActivationPreference
{
    /// <summary>Policy changes take effect only when the resource template itself next changes.</summary>
    Lazy,
}
