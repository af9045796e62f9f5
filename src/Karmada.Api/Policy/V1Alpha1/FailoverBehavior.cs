using System.Text.Json.Serialization;

namespace Karmada.Api.Policy.V1Alpha1;

/// <summary>Failover behaviors in case of an application or a cluster failure.</summary>
public sealed class FailoverBehavior
{
    /// <summary>Failover on application failure; nil disables it. Requires propagateDeps.</summary>
    [JsonPropertyName("application")]
    public ApplicationFailoverBehavior? Application { get; set; }

    /// <summary>Failover on cluster failure; nil defers to the controller's no-execute-taint-eviction-purge-mode flag.</summary>
    [JsonPropertyName("cluster")]
    public ClusterFailoverBehavior? Cluster { get; set; }
}
