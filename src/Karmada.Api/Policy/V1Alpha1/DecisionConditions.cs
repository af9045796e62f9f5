using System.Text.Json.Serialization;

namespace Karmada.Api.Policy.V1Alpha1;

/// <summary>The conditions for performing a failover.</summary>
public sealed class DecisionConditions
{
    /// <summary>How long to wait after the unhealthy state is reached before failing over. Defaults to 300.</summary>
    [JsonPropertyName("tolerationSeconds")]
    public int? TolerationSeconds { get; set; }
}
