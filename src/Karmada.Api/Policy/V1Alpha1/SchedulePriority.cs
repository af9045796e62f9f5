using System.Text.Json.Serialization;

namespace Karmada.Api.Policy.V1Alpha1;

/// <summary>How Karmada resolves the scheduling priority of workloads.</summary>
public sealed class SchedulePriority
{
    /// <summary>Where the PriorityClass is defined; only KubePriorityClass is implemented. Required.</summary>
    [JsonPropertyName("priorityClassSource")]
    public PriorityClassSource PriorityClassSource { get; set; }

    /// <summary>The PriorityClass to use. Required.</summary>
    [JsonPropertyName("priorityClassName")]
    public string PriorityClassName { get; set; } = "";
}
