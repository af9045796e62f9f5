using System.Text.Json.Serialization;
using Karmada.Api.Meta;
using Karmada.Api.Serialization;

namespace Karmada.Api.Policy.V1Alpha1;

/// <summary>A list of <see cref="PropagationPolicy"/>.</summary>
public sealed class PropagationPolicyList : IKubernetesObjectList<PropagationPolicy>
{
    /// <inheritdoc />
    [JsonPropertyName("apiVersion")]
    [OmitEmpty]
    public string ApiVersion { get; set; } = PropagationPolicy.KubeApiVersion;

    /// <inheritdoc />
    [JsonPropertyName("kind")]
    [OmitEmpty]
    public string Kind { get; set; } = "PropagationPolicyList";

    /// <inheritdoc />
    [JsonPropertyName("metadata")]
    public ListMeta Metadata { get; set; } = new();

    /// <summary>The items.</summary>
    [JsonPropertyName("items")]
    public List<PropagationPolicy> Items { get; set; } = [];
}
