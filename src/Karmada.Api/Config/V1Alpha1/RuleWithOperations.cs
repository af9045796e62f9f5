using System.Text.Json.Serialization;

namespace Karmada.Api.Config.V1Alpha1;

/// <summary>Operations and resources (the Rule fields are inlined).</summary>
public sealed class RuleWithOperations : Rule
{
    /// <summary>The operations the hook cares about; '*' must stand alone. Required.</summary>
    [JsonPropertyName("operations")]
    [JsonPropertyOrder(-1)]
    public List<InterpreterOperation> Operations { get; set; } = [];
}
