using System.Text.Json.Serialization;
using Karmada.Api.Serialization;

namespace Karmada.Api.Work.V1Alpha2;

/// <summary>The instantiated affinity group names, each "&lt;labelKey&gt;=&lt;labelValue&gt;".</summary>
public sealed class WorkloadAffinityGroups
{
    /// <summary>The group to co-locate with.</summary>
    [JsonPropertyName("affinityGroup")]
    [OmitEmpty]
    public string? AffinityGroup { get; set; }

    /// <summary>The group to stay apart from.</summary>
    [JsonPropertyName("antiAffinityGroup")]
    [OmitEmpty]
    public string? AntiAffinityGroup { get; set; }
}
