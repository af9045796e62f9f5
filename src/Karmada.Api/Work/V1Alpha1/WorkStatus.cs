using System.Text.Json.Serialization;
using Karmada.Api.Meta;
using Karmada.Api.Serialization;

namespace Karmada.Api.Work.V1Alpha1;

/// <summary>The observed state of a Work.</summary>
public sealed class WorkStatus
{
    /// <summary>Conditions: Applied, Progressing, Available, Degraded, Dispatching.</summary>
    [JsonPropertyName("conditions")]
    [OmitEmpty]
    public List<Condition> Conditions { get; set; } = [];

    /// <summary>The running status of each manifest.</summary>
    [JsonPropertyName("manifestStatuses")]
    [OmitEmpty]
    public List<ManifestStatus> ManifestStatuses { get; set; } = [];
}
