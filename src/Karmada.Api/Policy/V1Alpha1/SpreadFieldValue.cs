using System.Text.Json.Serialization;
using Karmada.Api.Serialization;

namespace Karmada.Api.Policy.V1Alpha1;

/// <summary>A Cluster field used to group clusters for spreading.</summary>
[JsonConverter(typeof(StrictEnumConverter<SpreadFieldValue>))]
public enum SpreadFieldValue
{
    /// <summary>Each cluster is a group.</summary>
    [JsonStringEnumMemberName("cluster")]
    Cluster,

    /// <summary>Clusters are grouped by region.</summary>
    [JsonStringEnumMemberName("region")]
    Region,

    /// <summary>Clusters are grouped by zone.</summary>
    [JsonStringEnumMemberName("zone")]
    Zone,

    /// <summary>Clusters are grouped by provider.</summary>
    [JsonStringEnumMemberName("provider")]
    Provider,
}
