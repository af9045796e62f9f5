using System.Text.Json.Serialization;

namespace Karmada.Api.Policy.V1Alpha1;

/// <summary>One piece of state to preserve across a failover.</summary>
public sealed class StatePreservationRule
{
    /// <summary>Label key under which the preserved value is passed to the new cluster. Required.</summary>
    [JsonPropertyName("aliasLabelName")]
    public string AliasLabelName { get; set; } = "";

    /// <summary>JSONPath of the value, relative to .status (e.g. {.availableReplicas}). Required.</summary>
    [JsonPropertyName("jsonPath")]
    public string JsonPath { get; set; } = "";
}
