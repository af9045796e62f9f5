using System.Text.Json.Serialization;
using Karmada.Api.Serialization;

namespace Karmada.Api.Policy.V1Alpha1;

/// <summary>The factor dynamic cluster weights are generated from.</summary>
[JsonConverter(typeof(StrictEnumConverter<DynamicWeightFactor>))]
public enum DynamicWeightFactor
{
    /// <summary>Weights proportional to each cluster's available replicas.</summary>
    AvailableReplicas,
}
