using System.Text.Json.Serialization;

namespace Karmada.Api.Policy.V1Alpha1;

/// <summary>Anti-affinity to a workload group.</summary>
public sealed class WorkloadAntiAffinityTerm
{
    /// <summary>Label key on the resource template whose value names the anti-affinity group (scoped to the namespace). Required.</summary>
    [JsonPropertyName("groupByLabelKey")]
    public string GroupByLabelKey { get; set; } = "";
}
