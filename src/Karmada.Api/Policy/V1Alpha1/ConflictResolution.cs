using System.Text.Json.Serialization;
using Karmada.Api.Serialization;

namespace Karmada.Api.Policy.V1Alpha1;

/// <summary>How to resolve a conflict with a resource that already exists in a member cluster.</summary>
[JsonConverter(typeof(StrictEnumConverter<ConflictResolution>))]
public enum ConflictResolution
{
    /// <summary>Do not resolve the conflict; stop propagating.</summary>
    Abort,

    /// <summary>Overwrite the existing resource with the resource template.</summary>
    Overwrite,
}
