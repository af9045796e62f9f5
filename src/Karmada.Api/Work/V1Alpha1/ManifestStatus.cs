using System.Text.Json.Nodes;
using System.Text.Json.Serialization;

namespace Karmada.Api.Work.V1Alpha1;

/// <summary>The running status of one manifest.</summary>
public sealed class ManifestStatus
{
    /// <summary>Identifies the manifest. Required.</summary>
    [JsonPropertyName("identifier")]
    public ResourceIdentifier Identifier { get; set; } = new();

    /// <summary>The reflected status of the resource in the member cluster (raw JSON).</summary>
    [JsonPropertyName("status")]
    public JsonObject? Status { get; set; }

    /// <summary>Healthy, Unhealthy or Unknown, as interpreted per resource type.</summary>
    [JsonPropertyName("health")]
    public ResourceHealth? Health { get; set; }
}
