using System.Text.Json.Serialization;

namespace Karmada.Api.Policy.V1Alpha1;

/// <summary>Affinity to a workload group.</summary>
public sealed class WorkloadAffinityTerm
{
    /// <summary>Label key on the resource template whose value names the affinity group (scoped to the namespace). Required.</summary>
    [JsonPropertyName("groupByLabelKey")]
    public string GroupByLabelKey { get; set; } = "";
}
