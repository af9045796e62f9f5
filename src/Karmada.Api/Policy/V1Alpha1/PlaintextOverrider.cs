using System.Text.Json.Nodes;
using System.Text.Json.Serialization;

namespace Karmada.Api.Policy.V1Alpha1;

/// <summary>A JSON-patch-like rule: path, operator and value.</summary>
public sealed class PlaintextOverrider
{
    /// <summary>JSON pointer of the target field. Required.</summary>
    [JsonPropertyName("path")]
    public string Path { get; set; } = "";

    /// <summary>add, remove or replace. Required.</summary>
    [JsonPropertyName("operator")]
    public OverriderOperator Operator { get; set; }

    /// <summary>The value to apply; must be empty for remove. Written as null when unset, as upstream.</summary>
    [JsonPropertyName("value")]
    [JsonIgnore(Condition = JsonIgnoreCondition.Never)]
    public JsonNode? Value { get; set; }
}
