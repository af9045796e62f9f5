using Karmada.Api.Cluster.V1Alpha1;

namespace Karmada.Scheduler.Spread;

/// <summary>A feasible cluster with what selection and assignment need to know about it.</summary>
public sealed class ClusterDetailInfo
{
    /// <summary>A cluster entry.</summary>
    public ClusterDetailInfo(Cluster cluster, long score)
    {
        ArgumentNullException.ThrowIfNull(cluster);
        Cluster = cluster;
        Name = cluster.Metadata.Name ?? "";
        Score = score;
    }

    /// <summary>The cluster name.</summary>
    public string Name { get; }

    /// <summary>The summed plugin score.</summary>
    public long Score { get; set; }

    /// <summary>The largest number of new replicas the cluster can still take (the estimators' answer).</summary>
    public int AllocatableReplicas { get; set; }

    /// <summary><see cref="AllocatableReplicas"/> plus the replicas already assigned to the cluster.</summary>
    public long AvailableReplicas { get; set; }

    /// <summary>0 for the primary affinity, 1, 2, … for the successive overflow affinities.</summary>
    public int OverflowOrder { get; set; }

    /// <summary>The cluster object.</summary>
    public Cluster Cluster { get; }

    /// <inheritdoc />
    public override string ToString() => $"{Name}(score={Score}, available={AvailableReplicas}, overflow={OverflowOrder})";
}
