using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using Karmada.Api.Serialization;

namespace Karmada.Api.Meta;

/// <summary>The workflow-id, version and field set a field manager owns (Kubernetes <c>metav1.ManagedFieldsEntry</c>).</summary>
public sealed class ManagedFieldsEntry
{
    /// <summary>Identifier of the workflow managing these fields.</summary>
    [JsonPropertyName("manager")]
    [OmitEmpty]
    public string? Manager { get; set; }

    /// <summary>The operation that led to this entry: <c>Apply</c> or <c>Update</c>.</summary>
    [JsonPropertyName("operation")]
    public ManagedFieldsOperationType? Operation { get; set; }

    /// <summary>API version of the resource the field set applies to.</summary>
    [JsonPropertyName("apiVersion")]
    [OmitEmpty]
    public string? ApiVersion { get; set; }

    /// <summary>When the entry was added; also updated when a field is added or its value changes.</summary>
    [JsonPropertyName("time")]
    public DateTimeOffset? Time { get; set; }

    /// <summary>Discriminator of the field set format; the only value is <c>FieldsV1</c>.</summary>
    [JsonPropertyName("fieldsType")]
    [OmitEmpty]
    public string? FieldsType { get; set; }

    /// <summary>The field set, in the <c>FieldsV1</c> trie format.</summary>
    [JsonPropertyName("fieldsV1")]
    public JsonObject? FieldsV1 { get; set; }

    /// <summary>The subresource used to update the object; empty for the main resource.</summary>
    [JsonPropertyName("subresource")]
    [OmitEmpty]
    public string? Subresource { get; set; }
}
