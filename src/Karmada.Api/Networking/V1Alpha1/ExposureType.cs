using System.Text.Json.Serialization;
using Karmada.Api.Serialization;

namespace Karmada.Api.Networking.V1Alpha1;

/// <summary>How a service is exposed.</summary>
[JsonConverter(typeof(StrictEnumConverter<ExposureType>))]
public enum ExposureType
{
    /// <summary>Accessible across clusters.</summary>
    CrossCluster,

    /// <summary>Exposed through an external load balancer.</summary>
    LoadBalancer,
}
