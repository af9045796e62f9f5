using Karmada.Api.Cluster.V1Alpha1;
using Karmada.Api.Policy.V1Alpha1;
using Karmada.Api.Work.V1Alpha2;
using Karmada.Policy.Selection;
using Karmada.Scheduler.Framework;

namespace Karmada.Scheduler.Spread;

/// <summary>Upstream's <c>GroupClustersWithScore</c>: builds the sorted cluster list and the topology groups.</summary>
public static class ClusterGrouper
{
    /// <summary>Group scores weigh replica capacity in units of 1000 so the 0–100 cluster score only breaks ties.</summary>
    internal const long WeightUnit = 1000;

    /// <summary>
    /// Builds the global view. <paramref name="calculateAvailable"/> gives the new replicas each cluster can take
    /// (null skips estimation: every cluster then has 0, which callers use only when capacity cannot matter).
    /// </summary>
    public static GroupClustersInfo GroupClustersWithScore(
        IReadOnlyList<ClusterScore> clustersScore,
        Placement placement,
        ResourceBindingSpec spec,
        ResourceBindingStatus? status,
        Func<IReadOnlyList<Cluster>, ResourceBindingSpec, int[]>? calculateAvailable)
    {
        ArgumentNullException.ThrowIfNull(clustersScore);
        ArgumentNullException.ThrowIfNull(placement);
        ArgumentNullException.ThrowIfNull(spec);
        var info = new GroupClustersInfo();
        GenerateClustersInfo(info, clustersScore, placement, spec, status, calculateAvailable);
        if (PlacementRules.IsTopologyIgnored(placement))
        {
            return info;
        }

        var constraints = placement.SpreadConstraints;
        if (PlacementRules.HasSpreadConstraint(constraints, SpreadFieldValue.Zone))
        {
            Group(info.Zones, info.Clusters, c => c.Cluster.Spec.Zones);
            ScoreGroups(info.Zones, spec, MinGroups(spec, SpreadFieldValue.Zone));
        }

        if (PlacementRules.HasSpreadConstraint(constraints, SpreadFieldValue.Region))
        {
            Group(info.Regions, info.Clusters, c => Single(c.Cluster.Spec.Region));
            ScoreGroups(info.Regions, spec, MinGroups(spec, SpreadFieldValue.Region));
        }

        if (PlacementRules.HasSpreadConstraint(constraints, SpreadFieldValue.Provider))
        {
            Group(info.Providers, info.Clusters, c => Single(c.Cluster.Spec.Provider));
            ScoreGroups(info.Providers, spec, MinGroups(spec, SpreadFieldValue.Provider));
        }

        return info;
    }

    /// <summary>
    /// Duplicated group score: <c>validClusters * 1000 + average score of the valid clusters</c>, where valid means
    /// able to hold all replicas; 0 when none is (upstream divides by zero there).
    /// </summary>
    public static long CalcGroupScoreForDuplicate(IReadOnlyList<ClusterDetailInfo> clusters, int replicas)
    {
        ArgumentNullException.ThrowIfNull(clusters);
        long valid = 0;
        long sumScore = 0;
        foreach (var cluster in clusters)
        {
            if (cluster.AvailableReplicas >= replicas)
            {
                valid++;
                sumScore += cluster.Score;
            }
        }

        return valid == 0 ? 0 : (valid * WeightUnit) + (sumScore / valid);
    }

    /// <summary>
    /// Group score: the Duplicated formula, or for Divided the capacity toward <c>replicas / minGroups + 1</c>
    /// accumulated over the best clusters, times 1000, plus their average score.
    /// </summary>
    public static long CalcGroupScore(IReadOnlyList<ClusterDetailInfo> clusters, ResourceBindingSpec spec, int minGroups)
    {
        ArgumentNullException.ThrowIfNull(clusters);
        ArgumentNullException.ThrowIfNull(spec);
        if (IsDuplicate(spec))
        {
            return CalcGroupScoreForDuplicate(clusters, spec.Replicas);
        }

        // minGroups defaults to 1; 0 would make upstream divide by zero.
        var groups = Math.Max(1, minGroups);
        var rest = spec.Replicas % groups;
        var target = (long)((spec.Replicas - rest) / groups) + 1;
        long sumAvailable = 0;
        long sumScore = 0;
        long valid = 0;
        foreach (var cluster in clusters)
        {
            sumAvailable += cluster.AvailableReplicas;
            sumScore += cluster.Score;
            valid++;
            if (sumAvailable >= target)
            {
                break;
            }
        }

        if (sumAvailable < target)
        {
            return (sumAvailable * WeightUnit) + (sumScore / clusters.Count);
        }

        return (target * WeightUnit) + (sumScore / valid);
    }

    private static bool IsDuplicate(ResourceBindingSpec spec) =>
        spec.Placement?.ReplicaScheduling is not { } strategy
        || strategy.ReplicaSchedulingType == ReplicaSchedulingType.Duplicated;

    private static void GenerateClustersInfo(
        GroupClustersInfo info,
        IReadOnlyList<ClusterScore> clustersScore,
        Placement placement,
        ResourceBindingSpec spec,
        ResourceBindingStatus? status,
        Func<IReadOnlyList<Cluster>, ResourceBindingSpec, int[]>? calculateAvailable)
    {
        var clusters = calculateAvailable is null ? null : new Cluster[clustersScore.Count];
        info.Clusters.Capacity = clustersScore.Count;
        for (var i = 0; i < clustersScore.Count; i++)
        {
            if (clusters is not null)
            {
                clusters[i] = clustersScore[i].Cluster;
            }

            info.Clusters.Add(new ClusterDetailInfo(clustersScore[i].Cluster, clustersScore[i].Score));
        }

        var allocatable = clusters is null ? null : calculateAvailable!(clusters, spec);
        Dictionary<string, int>? assigned = null;
        if (spec.Clusters.Count > 0)
        {
            assigned = new(StringComparer.Ordinal);
            foreach (var target in spec.Clusters)
            {
                assigned.TryAdd(target.Name, target.Replicas);
            }
        }

        var term = PlacementRules.ObservedAffinityTerm(placement, status?.SchedulerObservedAffinityName);
        for (var i = 0; i < info.Clusters.Count; i++)
        {
            var cluster = info.Clusters[i];
            cluster.AllocatableReplicas = allocatable?[i] ?? 0;
            cluster.AvailableReplicas = cluster.AllocatableReplicas + (long)(assigned?.GetValueOrDefault(cluster.Name) ?? 0);
            cluster.OverflowOrder = OverflowOrder(cluster.Cluster, term);
        }

        ClusterSorter.Sort(info.Clusters, ClusterSorter.ByAvailableReplicasDescending);
    }

    /// <summary>0 when the cluster matches the primary affinity (or there is no overflow), else 1 + the index of the first matching overflow affinity.</summary>
    private static int OverflowOrder(Cluster cluster, ClusterAffinityTerm? term)
    {
        if (term is null || term.OverflowAffinities.Count == 0 || ClusterAffinityMatcher.Matches(cluster, term))
        {
            return 0;
        }

        for (var i = 0; i < term.OverflowAffinities.Count; i++)
        {
            if (ClusterAffinityMatcher.Matches(cluster, term.OverflowAffinities[i]))
            {
                return i + 1;
            }
        }

        return 0;
    }

    private static void Group(Dictionary<string, TopologyGroup> groups, List<ClusterDetailInfo> clusters, Func<ClusterDetailInfo, IEnumerable<string>> keys)
    {
        foreach (var cluster in clusters)
        {
            foreach (var key in keys(cluster))
            {
                if (!groups.TryGetValue(key, out var group))
                {
                    groups[key] = group = new TopologyGroup(key);
                }

                group.Clusters.Add(cluster);
                group.AvailableReplicas += cluster.AvailableReplicas;
            }
        }
    }

    private static IEnumerable<string> Single(string? value) => string.IsNullOrEmpty(value) ? [] : [value];

    private static int MinGroups(ResourceBindingSpec spec, SpreadFieldValue field) =>
        spec.Placement?.SpreadConstraints.LastOrDefault(c => c.SpreadByField == field)?.MinGroups ?? 0;

    private static void ScoreGroups(Dictionary<string, TopologyGroup> groups, ResourceBindingSpec spec, int minGroups)
    {
        foreach (var group in groups.Values)
        {
            group.Score = CalcGroupScore(group.Clusters, spec, minGroups);
        }
    }
}
