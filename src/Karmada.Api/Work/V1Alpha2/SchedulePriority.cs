using System.Text.Json.Serialization;
using Karmada.Api.Serialization;

namespace Karmada.Api.Work.V1Alpha2;

/// <summary>The scheduling priority assigned to a workload.</summary>
public sealed class SchedulePriority
{
    /// <summary>The priority; higher values schedule first. Defaults to 0.</summary>
    [JsonPropertyName("priority")]
    [OmitEmpty]
    public int Priority { get; set; }
}
