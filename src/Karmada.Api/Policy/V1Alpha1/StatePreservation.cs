using System.Text.Json.Serialization;

namespace Karmada.Api.Policy.V1Alpha1;

/// <summary>How state is preserved across a failover.</summary>
public sealed class StatePreservation
{
    /// <summary>The rules: each extracts a piece of state with a JSONPath and passes it on as a label. Required.</summary>
    [JsonPropertyName("rules")]
    public List<StatePreservationRule> Rules { get; set; } = [];
}
