using System.Text.Json.Serialization;
using Karmada.Api.Serialization;

namespace Karmada.Api.Meta;

/// <summary>Metadata of a list response (Kubernetes <c>metav1.ListMeta</c>).</summary>
public sealed class ListMeta
{
    /// <summary>Deprecated and unset by the server since Kubernetes 1.20.</summary>
    [JsonPropertyName("selfLink")]
    [OmitEmpty]
    public string? SelfLink { get; set; }

    /// <summary>The resource version the list was served at; pass it to watch to receive later changes.</summary>
    [JsonPropertyName("resourceVersion")]
    [OmitEmpty]
    public string? ResourceVersion { get; set; }

    /// <summary>Token to fetch the next page of a paginated list; empty when there are no more items.</summary>
    [JsonPropertyName("continue")]
    [OmitEmpty]
    public string? Continue { get; set; }

    /// <summary>Number of items left after this page, when the server can tell.</summary>
    [JsonPropertyName("remainingItemCount")]
    public long? RemainingItemCount { get; set; }
}
