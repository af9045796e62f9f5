using System.Text.Json.Serialization;
using Karmada.Api.Serialization;

namespace Karmada.Api.Policy.V1Alpha1;

/// <summary>Where Karmada looks for the PriorityClass definition.</summary>
[JsonConverter(typeof(StrictEnumConverter<PriorityClassSource>))]
public enum PriorityClassSource
{
    /// <summary>Kubernetes PriorityClass (scheduling.k8s.io/v1).</summary>
    KubePriorityClass,

    /// <summary>PriorityClassName of the pod template (not implemented upstream).</summary>
    PodPriorityClass,

    /// <summary>Karmada FederatedPriorityClass (not implemented upstream).</summary>
    FederatedPriorityClass,
}
