using System.Text.Json.Serialization;
using Karmada.Api.Serialization;

namespace Karmada.Api.Work.V1Alpha1;

/// <summary>The health of a resource applied on a member cluster.</summary>
[JsonConverter(typeof(StrictEnumConverter<ResourceHealth>))]
public enum ResourceHealth
{
    /// <summary>The resource is healthy.</summary>
    Healthy,

    /// <summary>The resource is unhealthy.</summary>
    Unhealthy,

    /// <summary>The health is unknown.</summary>
    Unknown,
}
