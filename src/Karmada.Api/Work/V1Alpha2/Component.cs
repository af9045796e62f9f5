using System.Text.Json.Serialization;

namespace Karmada.Api.Work.V1Alpha2;

/// <summary>The requirements of one component (pod template) of a workload.</summary>
public sealed class Component
{
    /// <summary>Unique name of the component, at most 32 characters. Required.</summary>
    [JsonPropertyName("name")]
    public string Name { get; set; } = "";

    /// <summary>Replica count of the component. Required.</summary>
    [JsonPropertyName("replicas")]
    public int Replicas { get; set; }

    /// <summary>The resource and scheduling requirements of each replica.</summary>
    [JsonPropertyName("replicaRequirements")]
    public ComponentReplicaRequirements? ReplicaRequirements { get; set; }
}
