using System.Text.Json.Serialization;

namespace Karmada.Api.Cluster.V1Alpha1;

/// <summary>One grade of resource modeling.</summary>
public sealed class ResourceModel
{
    /// <summary>The index of the model. Required.</summary>
    [JsonPropertyName("grade")]
    public int Grade { get; set; }

    /// <summary>The resource ranges of this grade. Required.</summary>
    [JsonPropertyName("ranges")]
    public List<ResourceModelRange> Ranges { get; set; } = [];
}
