using System.Text.Json.Serialization;
using Karmada.Api.Serialization;

namespace Karmada.Api.Cluster.V1Alpha1;

/// <summary>The interval [min, max) of one resource within a model grade.</summary>
public sealed class ResourceModelRange
{
    /// <summary>The resource name: cpu, memory, storage or ephemeral-storage. Required.</summary>
    [JsonPropertyName("name")]
    public string Name { get; set; } = "";

    /// <summary>Inclusive lower bound (a quantity); for the first grade it always acts as zero.</summary>
    [JsonPropertyName("min")]
    [JsonConverter(typeof(QuantityJsonConverter))]
    public string Min { get; set; } = "0";

    /// <summary>Exclusive upper bound (a quantity); for the last grade it means infinity.</summary>
    [JsonPropertyName("max")]
    [JsonConverter(typeof(QuantityJsonConverter))]
    public string Max { get; set; } = "0";
}
