using System.Text.Json.Serialization;
using Karmada.Api.Serialization;

namespace Karmada.Api.Cluster.V1Alpha1;

/// <summary>The resources served by the member cluster in one group/version.</summary>
public sealed class APIEnablement
{
    /// <summary>The group and version, e.g. <c>apps/v1</c>.</summary>
    [JsonPropertyName("groupVersion")]
    public string GroupVersion { get; set; } = "";

    /// <summary>The resources of the group/version.</summary>
    [JsonPropertyName("resources")]
    [OmitEmpty]
    public List<APIResource> Resources { get; set; } = [];
}
