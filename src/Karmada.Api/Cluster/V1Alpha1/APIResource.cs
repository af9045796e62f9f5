using System.Text.Json.Serialization;

namespace Karmada.Api.Cluster.V1Alpha1;

/// <summary>A served resource: plural name and kind.</summary>
public sealed class APIResource
{
    /// <summary>The plural name of the resource. Required.</summary>
    [JsonPropertyName("name")]
    public string Name { get; set; } = "";

    /// <summary>The kind of the resource, e.g. <c>Deployment</c>. Required.</summary>
    [JsonPropertyName("kind")]
    public string Kind { get; set; } = "";
}
