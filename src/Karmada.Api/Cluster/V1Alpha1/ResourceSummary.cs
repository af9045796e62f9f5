using System.Text.Json.Serialization;
using Karmada.Api.Core;
using Karmada.Api.Serialization;

namespace Karmada.Api.Cluster.V1Alpha1;

/// <summary>Summary of the resources of a member cluster.</summary>
public sealed class ResourceSummary
{
    /// <summary>Total allocatable resources of all nodes (available for scheduling).</summary>
    [JsonPropertyName("allocatable")]
    [OmitEmpty]
    public ResourceList Allocatable { get; set; } = [];

    /// <summary>Total requests of pods waiting for scheduling (no node assigned).</summary>
    [JsonPropertyName("allocating")]
    [OmitEmpty]
    public ResourceList Allocating { get; set; } = [];

    /// <summary>Total requests of pods scheduled to nodes (not Succeeded or Failed).</summary>
    [JsonPropertyName("allocated")]
    [OmitEmpty]
    public ResourceList Allocated { get; set; } = [];

    /// <summary>Number of nodes per resource model grade.</summary>
    [JsonPropertyName("allocatableModelings")]
    [OmitEmpty]
    public List<AllocatableModeling> AllocatableModelings { get; set; } = [];
}
