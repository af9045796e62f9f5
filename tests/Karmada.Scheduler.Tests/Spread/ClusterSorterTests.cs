using Karmada.Scheduler.Spread;

namespace Karmada.Scheduler.Tests.Spread;

public sealed class ClusterSorterTests
{
    [Fact]
    public void Sort_MixedTiersScoresAndNames_OrdersByTierScoreThenName()
    {
        List<ClusterDetailInfo> clusters =
        [
            Objects.Detail("d", score: 100, overflowOrder: 1),
            Objects.Detail("c", score: 10),
            Objects.Detail("a", score: 10),
            Objects.Detail("b", score: 50),
        ];

        ClusterSorter.Sort(clusters);

        Assert.Equal(["b", "a", "c", "d"], clusters.Select(c => c.Name));
    }

    [Fact]
    public void Sort_WithAvailabilityTieBreak_PrefersMoreCapacityBeforeName()
    {
        List<ClusterDetailInfo> clusters = [Objects.Detail("a", 1), Objects.Detail("b", 5)];

        ClusterSorter.Sort(clusters, ClusterSorter.ByAvailableReplicasDescending);

        Assert.Equal(["b", "a"], clusters.Select(c => c.Name));
    }
}
