using System.Text.Json.Nodes;
using System.Text.Json.Serialization;

namespace Karmada.Api.Policy.V1Alpha1;

/// <summary>One operation on a YAML document.</summary>
public sealed class YAMLPatchOperation
{
    /// <summary>RFC 6901 pointer relative to the field path. Required.</summary>
    [JsonPropertyName("subPath")]
    public string SubPath { get; set; } = "";

    /// <summary>add, remove or replace. Required.</summary>
    [JsonPropertyName("operator")]
    public OverriderOperator Operator { get; set; }

    /// <summary>The new value for add and replace; ignored for remove. Written as null when unset, as upstream.</summary>
    [JsonPropertyName("value")]
    [JsonIgnore(Condition = JsonIgnoreCondition.Never)]
    public JsonNode? Value { get; set; }
}
