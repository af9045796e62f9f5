using System.Text.Json.Serialization;
using Karmada.Api.Core;
using Karmada.Api.Serialization;

namespace Karmada.Api.Policy.V1Alpha1;

/// <summary>The rule for selecting clusters.</summary>
public sealed class Placement
{
    /// <summary>Restricts scheduling to a set of clusters; cannot be combined with clusterAffinities. If neither is set, any cluster is a candidate.</summary>
    [JsonPropertyName("clusterAffinity")]
    public ClusterAffinity? ClusterAffinity { get; set; }

    /// <summary>Ordered cluster groups; the scheduler uses the first group that satisfies the restrictions. Cannot be combined with clusterAffinity.</summary>
    [JsonPropertyName("clusterAffinities")]
    [OmitEmpty]
    public List<ClusterAffinityTerm> ClusterAffinities { get; set; } = [];

    /// <summary>Tolerations of cluster taints.</summary>
    [JsonPropertyName("clusterTolerations")]
    [OmitEmpty]
    public List<Toleration> ClusterTolerations { get; set; } = [];

    /// <summary>Scheduling constraints for spreading over cluster groups.</summary>
    [JsonPropertyName("spreadConstraints")]
    [OmitEmpty]
    public List<SpreadConstraint> SpreadConstraints { get; set; } = [];

    /// <summary>How replicas are scheduled; nil means Duplicated.</summary>
    [JsonPropertyName("replicaScheduling")]
    public ReplicaSchedulingStrategy? ReplicaScheduling { get; set; }

    /// <summary>Inter-workload affinity and anti-affinity rules (gate WorkloadAffinity).</summary>
    [JsonPropertyName("workloadAffinity")]
    public WorkloadAffinity? WorkloadAffinity { get; set; }
}
