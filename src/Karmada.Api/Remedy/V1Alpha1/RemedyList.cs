using System.Text.Json.Serialization;
using Karmada.Api.Meta;
using Karmada.Api.Serialization;

namespace Karmada.Api.Remedy.V1Alpha1;

/// <summary>A list of <see cref="Remedy"/>.</summary>
public sealed class RemedyList : IKubernetesObjectList<Remedy>
{
    /// <inheritdoc />
    [JsonPropertyName("apiVersion")]
    [OmitEmpty]
    public string ApiVersion { get; set; } = Remedy.KubeApiVersion;

    /// <inheritdoc />
    [JsonPropertyName("kind")]
    [OmitEmpty]
    public string Kind { get; set; } = "RemedyList";

    /// <inheritdoc />
    [JsonPropertyName("metadata")]
    public ListMeta Metadata { get; set; } = new();

    /// <summary>The items.</summary>
    [JsonPropertyName("items")]
    public List<Remedy> Items { get; set; } = [];
}
