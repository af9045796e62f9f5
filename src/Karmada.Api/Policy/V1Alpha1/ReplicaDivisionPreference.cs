using System.Text.Json.Serialization;
using Karmada.Api.Serialization;

namespace Karmada.Api.Policy.V1Alpha1;

/// <summary>How replicas are divided when the scheduling type is Divided.</summary>
[JsonConverter(typeof(StrictEnumConverter<ReplicaDivisionPreference>))]
public enum ReplicaDivisionPreference
{
    /// <summary>Into as few clusters as possible, respecting their available resources.</summary>
    Aggregated,

    /// <summary>By weight, as per WeightPreference.</summary>
    Weighted,
}
