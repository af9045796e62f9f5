namespace Karmada.Scheduler.Spread;

/// <summary>Upstream's <c>sortClusters</c>: overflow order ascending, score descending, extra rules, then name ascending.</summary>
public static class ClusterSorter
{
    /// <summary>Orders by more available replicas first; the extra rule selection uses.</summary>
    public static int ByAvailableReplicasDescending(ClusterDetailInfo a, ClusterDetailInfo b)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        return b.AvailableReplicas.CompareTo(a.AvailableReplicas);
    }

    /// <summary>Sorts in place; <paramref name="tieBreak"/> (if any) decides between equal scores before the name does.</summary>
    public static void Sort(List<ClusterDetailInfo> clusters, Comparison<ClusterDetailInfo>? tieBreak = null)
    {
        ArgumentNullException.ThrowIfNull(clusters);
        Comparison<ClusterDetailInfo> compare = (a, b) =>
        {
            if (a.OverflowOrder != b.OverflowOrder)
            {
                return a.OverflowOrder.CompareTo(b.OverflowOrder);
            }

            if (a.Score != b.Score)
            {
                return b.Score.CompareTo(a.Score);
            }

            if (tieBreak is not null)
            {
                var order = tieBreak(a, b);
                if (order != 0)
                {
                    return order;
                }
            }

            return string.CompareOrdinal(a.Name, b.Name);
        };

        // Snapshots usually list clusters in an order that is already right; checking is linear, sorting is not.
        for (var i = 1; i < clusters.Count; i++)
        {
            if (compare(clusters[i - 1], clusters[i]) > 0)
            {
                clusters.Sort(compare);
                return;
            }
        }
    }
}
