using Karmada.Api.Policy.V1Alpha1;

namespace Karmada.Scheduler.Spread;

/// <summary>
/// Upstream's <c>SelectBestClusters</c>: picks the clusters to use from the grouped view under the spread constraints.
/// Only cluster and region spreading choose clusters; zone and provider constraints act as filters only.
/// </summary>
public static class SpreadSelector
{
    /// <summary>Capacity is not considered (Duplicated scheduling).</summary>
    public const int InvalidReplicas = -1;

    /// <summary>
    /// Every cluster when there are no constraints or static weighting applies; otherwise selection by region (when a
    /// region constraint exists) or by cluster.
    /// </summary>
    public static Outcome<IReadOnlyList<ClusterDetailInfo>> SelectBestClusters(Placement placement, GroupClustersInfo info, int needReplicas)
    {
        ArgumentNullException.ThrowIfNull(placement);
        ArgumentNullException.ThrowIfNull(info);
        if (placement.SpreadConstraints.Count == 0 || PlacementRules.ShouldIgnoreSpreadConstraint(placement))
        {
            return new(info.Clusters);
        }

        if (PlacementRules.ShouldIgnoreAvailableResource(placement))
        {
            needReplicas = InvalidReplicas;
        }

        var constraints = new Dictionary<SpreadFieldValue, SpreadConstraint>();
        foreach (var constraint in placement.SpreadConstraints)
        {
            if (constraint.SpreadByField is { } field)
            {
                constraints[field] = constraint;
            }
        }

        if (constraints.ContainsKey(SpreadFieldValue.Region))
        {
            return SelectBestClustersByRegion(constraints, info);
        }

        if (constraints.TryGetValue(SpreadFieldValue.Cluster, out var byCluster))
        {
            return SelectBestClustersByCluster(byCluster, info, needReplicas);
        }

        return new(SchedulingFailure.Error("just support cluster and region spread constraint"));
    }

    /// <summary>
    /// Picks regions that together hold at least the cluster minGroups, takes the best cluster of each, then fills up
    /// to the cluster maxGroups with the remaining clusters by score and capacity.
    /// </summary>
    public static Outcome<IReadOnlyList<ClusterDetailInfo>> SelectBestClustersByRegion(
        IReadOnlyDictionary<SpreadFieldValue, SpreadConstraint> constraints, GroupClustersInfo info)
    {
        ArgumentNullException.ThrowIfNull(constraints);
        ArgumentNullException.ThrowIfNull(info);
        var regionConstraint = constraints.GetValueOrDefault(SpreadFieldValue.Region) ?? new SpreadConstraint();
        var clusterConstraint = constraints.GetValueOrDefault(SpreadFieldValue.Cluster) ?? new SpreadConstraint();
        if (info.Regions.Count < regionConstraint.MinGroups)
        {
            return new(SchedulingFailure.Error("the number of feasible region is less than spreadConstraint.MinGroups"));
        }

        var groups = info.Regions.Values.Select(r => new GroupInfo(r.Name, r.Clusters.Count, r.Score)).ToList();
        var regions = GroupSelector.SelectGroups(groups, regionConstraint.MinGroups, regionConstraint.MaxGroups, clusterConstraint.MinGroups);
        if (regions.Count == 0)
        {
            return new(SchedulingFailure.Error("the number of clusters is less than the cluster spreadConstraint.MinGroups"));
        }

        var selected = new List<ClusterDetailInfo>();
        var candidates = new List<ClusterDetailInfo>();
        foreach (var region in regions)
        {
            var clusters = info.Regions[region.Name].Clusters;
            selected.Add(clusters[0]);
            candidates.AddRange(clusters.Skip(1));
        }

        var needCount = Math.Min(candidates.Count + selected.Count, clusterConstraint.MaxGroups);
        var rest = needCount - selected.Count;
        if (rest > 0)
        {
            ClusterSorter.Sort(candidates, ClusterSorter.ByAvailableReplicasDescending);
            selected.AddRange(candidates.Take(rest));
        }

        return new(selected);
    }

    /// <summary>
    /// The best <c>min(total, maxGroups)</c> clusters by score; when their capacity is short of the replicas, the
    /// lowest-scored ones are swapped for the richest unselected ones.
    /// </summary>
    public static Outcome<IReadOnlyList<ClusterDetailInfo>> SelectBestClustersByCluster(SpreadConstraint constraint, GroupClustersInfo info, int needReplicas)
    {
        ArgumentNullException.ThrowIfNull(constraint);
        ArgumentNullException.ThrowIfNull(info);
        var total = info.Clusters.Count;
        if (total < constraint.MinGroups)
        {
            return new(SchedulingFailure.Error("the number of feasible clusters is less than spreadConstraint.MinGroups"));
        }

        var needCount = Math.Min(constraint.MaxGroups, total);
        if (needReplicas == InvalidReplicas)
        {
            return new(info.Clusters.Take(needCount).ToList());
        }

        var selected = SelectClustersByAvailableResource(info.Clusters, needCount, needReplicas);
        if (selected.Count == 0)
        {
            return new(SchedulingFailure.Error($"no enough resource when selecting {needCount} clusters"));
        }

        return new(selected);
    }

    private static List<ClusterDetailInfo> SelectClustersByAvailableResource(List<ClusterDetailInfo> candidates, int needCount, int needReplicas)
    {
        var chosen = candidates.Take(needCount).ToArray();
        var rest = candidates.Skip(needCount).ToArray();
        for (var slot = chosen.Length - 1; !HasEnough(chosen, needReplicas) && slot >= 0; slot--)
        {
            var richest = IndexOfMaxAvailable(rest, chosen[slot].AvailableReplicas);
            if (richest >= 0)
            {
                (chosen[slot], rest[richest]) = (rest[richest], chosen[slot]);
            }
        }

        return HasEnough(chosen, needReplicas) ? [.. chosen] : [];
    }

    private static bool HasEnough(ClusterDetailInfo[] clusters, int needReplicas) =>
        clusters.Sum(c => c.AvailableReplicas) >= needReplicas;

    /// <summary>The index of the cluster with the most available replicas above <paramref name="floor"/>, or -1.</summary>
    private static int IndexOfMaxAvailable(ClusterDetailInfo[] clusters, long floor)
    {
        var index = -1;
        var maximum = floor;
        for (var i = 0; i < clusters.Length; i++)
        {
            if (clusters[i].AvailableReplicas > maximum)
            {
                index = i;
                maximum = clusters[i].AvailableReplicas;
            }
        }

        return index;
    }
}
