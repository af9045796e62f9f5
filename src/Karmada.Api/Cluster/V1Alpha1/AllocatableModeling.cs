using System.Text.Json.Serialization;

namespace Karmada.Api.Cluster.V1Alpha1;

/// <summary>The number of nodes whose allocatable resources fall in a resource model grade.</summary>
public sealed class AllocatableModeling
{
    /// <summary>The index of the resource model. Required.</summary>
    [JsonPropertyName("grade")]
    public int Grade { get; set; }

    /// <summary>The number of nodes in this grade. Required.</summary>
    [JsonPropertyName("count")]
    public int Count { get; set; }
}
