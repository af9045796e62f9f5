using System.Text.Json.Serialization;
using Karmada.Api.Serialization;

namespace Karmada.Api.Work.V1Alpha2;

/// <summary>The replicas of one component assigned to a cluster.</summary>
public sealed class ComponentReplicas
{
    /// <summary>Name of the component.</summary>
    [JsonPropertyName("name")]
    public string Name { get; set; } = "";

    /// <summary>Replicas of the component assigned to the cluster.</summary>
    [JsonPropertyName("replicas")]
    [OmitEmpty]
    public int Replicas { get; set; }
}
