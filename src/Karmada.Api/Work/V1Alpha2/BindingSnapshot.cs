using System.Text.Json.Serialization;
using Karmada.Api.Serialization;

namespace Karmada.Api.Work.V1Alpha2;

/// <summary>A snapshot of a ResourceBinding or ClusterResourceBinding.</summary>
public sealed class BindingSnapshot
{
    /// <summary>Namespace of the binding; empty for a ClusterResourceBinding.</summary>
    [JsonPropertyName("namespace")]
    [OmitEmpty]
    public string? Namespace { get; set; }

    /// <summary>Name of the binding. Required.</summary>
    [JsonPropertyName("name")]
    public string Name { get; set; } = "";

    /// <summary>The scheduling result of the binding.</summary>
    [JsonPropertyName("clusters")]
    [OmitEmpty]
    public List<TargetCluster> Clusters { get; set; } = [];
}
