using System.Text.Json.Serialization;
using Karmada.Api.Serialization;

namespace Karmada.Api.Work.V1Alpha2;

/// <summary>A member cluster the resource is scheduled to.</summary>
public sealed class TargetCluster
{
    /// <summary>Name of the cluster.</summary>
    [JsonPropertyName("name")]
    public string Name { get; set; } = "";

    /// <summary>Replicas assigned to the cluster.</summary>
    [JsonPropertyName("replicas")]
    [OmitEmpty]
    public int Replicas { get; set; }

    /// <summary>Replicas assigned to the cluster per component (gate MultiplePodTemplatesScheduling).</summary>
    [JsonPropertyName("components")]
    [OmitEmpty]
    public List<ComponentReplicas> Components { get; set; } = [];
}
