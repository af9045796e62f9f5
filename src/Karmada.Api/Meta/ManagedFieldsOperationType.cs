using System.Text.Json.Serialization;
using Karmada.Api.Serialization;

namespace Karmada.Api.Meta;

/// <summary>The kind of operation that produced a managed fields entry.</summary>
[JsonConverter(typeof(StrictEnumConverter<ManagedFieldsOperationType>))]
public enum ManagedFieldsOperationType
{
    /// <summary>A server-side apply.</summary>
    Apply,

    /// <summary>Any other write (create, update, patch).</summary>
    Update,
}
