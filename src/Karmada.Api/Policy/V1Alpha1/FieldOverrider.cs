using System.Text.Json.Serialization;
using Karmada.Api.Serialization;

namespace Karmada.Api.Policy.V1Alpha1;

/// <summary>Operations on a JSON or YAML document held in one field (exactly one of json or yaml).</summary>
public sealed class FieldOverrider
{
    /// <summary>RFC 6901 pointer of the field holding the document, e.g. /data/db-config.yaml. Required.</summary>
    [JsonPropertyName("fieldPath")]
    public string FieldPath { get; set; } = "";

    /// <summary>Operations on a JSON document.</summary>
    [JsonPropertyName("json")]
    [OmitEmpty]
    public List<JSONPatchOperation> Json { get; set; } = [];

    /// <summary>Operations on a YAML document.</summary>
    [JsonPropertyName("yaml")]
    [OmitEmpty]
    public List<YAMLPatchOperation> Yaml { get; set; } = [];
}
