using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using Karmada.Api.Serialization;

namespace Karmada.Api.Work.V1Alpha1;

/// <summary>The manifests to deploy on a member cluster.</summary>
public sealed class WorkloadTemplate
{
    /// <summary>The Kubernetes objects, kept as raw JSON (in practice one per Work).</summary>
    [JsonPropertyName("manifests")]
    [OmitEmpty]
    public List<JsonObject> Manifests { get; set; } = [];
}
