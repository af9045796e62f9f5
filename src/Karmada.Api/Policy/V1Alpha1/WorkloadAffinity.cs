using System.Text.Json.Serialization;

namespace Karmada.Api.Policy.V1Alpha1;

/// <summary>Inter-workload affinity and anti-affinity rules; both are hard requirements.</summary>
public sealed class WorkloadAffinity
{
    /// <summary>Co-locate with workloads of the same affinity group; the first workload of a group is not blocked.</summary>
    [JsonPropertyName("affinity")]
    public WorkloadAffinityTerm? Affinity { get; set; }

    /// <summary>Avoid clusters that already run workloads of the same anti-affinity group.</summary>
    [JsonPropertyName("antiAffinity")]
    public WorkloadAntiAffinityTerm? AntiAffinity { get; set; }
}
