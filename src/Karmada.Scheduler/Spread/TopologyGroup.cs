namespace Karmada.Scheduler.Spread;

/// <summary>The clusters of one provider, region or zone, with the group's score and summed availability.</summary>
public sealed class TopologyGroup
{
    /// <summary>A group named after the provider/region/zone value.</summary>
    public TopologyGroup(string name)
    {
        Name = name;
    }

    /// <summary>The provider, region or zone.</summary>
    public string Name { get; }

    /// <summary>The group score (<see cref="ClusterGrouper"/>).</summary>
    public long Score { get; set; }

    /// <summary>The summed available replicas of the group's clusters.</summary>
    public long AvailableReplicas { get; set; }

    /// <summary>The group's clusters, in the global order (best first).</summary>
    public List<ClusterDetailInfo> Clusters { get; } = [];
}
