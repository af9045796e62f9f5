namespace Karmada.Scheduler.Spread;

/// <summary>The global view of the feasible clusters: sorted, and grouped by the topology fields spread over.</summary>
public sealed class GroupClustersInfo
{
    /// <summary>Groups by provider; empty unless a provider spread constraint applies.</summary>
    public Dictionary<string, TopologyGroup> Providers { get; } = new(StringComparer.Ordinal);

    /// <summary>Groups by region; empty unless a region spread constraint applies.</summary>
    public Dictionary<string, TopologyGroup> Regions { get; } = new(StringComparer.Ordinal);

    /// <summary>Groups by zone (a cluster is in every zone it lists); empty unless a zone spread constraint applies.</summary>
    public Dictionary<string, TopologyGroup> Zones { get; } = new(StringComparer.Ordinal);

    /// <summary>All clusters: overflow order ascending, then score descending, available replicas descending, name.</summary>
    public List<ClusterDetailInfo> Clusters { get; } = [];
}
