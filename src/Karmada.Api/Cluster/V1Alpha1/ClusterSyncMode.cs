using System.Text.Json.Serialization;
using Karmada.Api.Serialization;

namespace Karmada.Api.Cluster.V1Alpha1;

/// <summary>How a member cluster synchronizes resources from the Karmada control plane.</summary>
[JsonConverter(typeof(StrictEnumConverter<ClusterSyncMode>))]
public enum ClusterSyncMode
{
    /// <summary>Controllers on the control plane push resources to the member cluster.</summary>
    Push,

    /// <summary>An agent running in the member cluster pulls resources and applies them locally.</summary>
    Pull,
}
