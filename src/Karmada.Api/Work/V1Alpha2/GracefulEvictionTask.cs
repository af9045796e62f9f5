using System.Text.Json.Serialization;
using Karmada.Api.Policy.V1Alpha1;
using Karmada.Api.Serialization;

namespace Karmada.Api.Work.V1Alpha2;

/// <summary>A graceful eviction of the resource from one cluster.</summary>
public sealed class GracefulEvictionTask
{
    /// <summary>The cluster the resource is evicted from. Required.</summary>
    [JsonPropertyName("fromCluster")]
    public string FromCluster { get; set; } = "";

    /// <summary>How to deal with the legacy application: Immediately, Directly, Graciously, Gracefully or Never.</summary>
    [JsonPropertyName("purgeMode")]
    public PurgeMode? PurgeMode { get; set; }

    /// <summary>Replicas to evict; ignored for resources without replicas.</summary>
    [JsonPropertyName("replicas")]
    public int? Replicas { get; set; }

    /// <summary>Programmatic CamelCase identifier of the reason, 1 to 32 characters (e.g. TaintUntolerated). Required.</summary>
    [JsonPropertyName("reason")]
    public string Reason { get; set; } = "";

    /// <summary>Human-readable details, at most 1024 characters.</summary>
    [JsonPropertyName("message")]
    [OmitEmpty]
    public string? Message { get; set; }

    /// <summary>The controller that triggered the eviction. Required.</summary>
    [JsonPropertyName("producer")]
    public string Producer { get; set; } = "";

    /// <summary>Maximum wait before deletion if the new copy does not become healthy; positive; exclusive with suppressDeletion.</summary>
    [JsonPropertyName("gracePeriodSeconds")]
    public int? GracePeriodSeconds { get; set; }

    /// <summary>Keep the grace period until a tool or a person ends it; exclusive with gracePeriodSeconds.</summary>
    [JsonPropertyName("suppressDeletion")]
    public bool? SuppressDeletion { get; set; }

    /// <summary>State collected from the original cluster, injected into the new cluster as labels.</summary>
    [JsonPropertyName("preservedLabelState")]
    [OmitEmpty]
    public Dictionary<string, string> PreservedLabelState { get; set; } = [];

    /// <summary>When the task was created (server time, RFC 3339 UTC). Read-only.</summary>
    [JsonPropertyName("creationTimestamp")]
    public DateTimeOffset? CreationTimestamp { get; set; }

    /// <summary>The clusters that ran the application before the failover.</summary>
    [JsonPropertyName("clustersBeforeFailover")]
    [OmitEmpty]
    public List<string> ClustersBeforeFailover { get; set; } = [];
}
