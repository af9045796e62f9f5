using Karmada.Scheduler.Apportionment;

namespace Karmada.Scheduler.Tests.Apportionment;

public sealed class ReplicaDispenserTests
{
    [Fact]
    public void TakeByWeight_WithInitialAssignment_AddsNewReplicasOnTop()
    {
        var dispenser = new ReplicaDispenser(6, [new("A", 1), new("B", 2)], null);

        dispenser.TakeByWeight([new("A", 1), new("B", 1), new("C", 1)]);

        Assert.Equal([new ClusterReplicas("A", 3), new("B", 4), new("C", 2)], dispenser.Result);
        Assert.Equal(0, dispenser.NumReplicas);
    }

    [Fact]
    public void TakeByWeight_ZeroWeights_LeavesResultUnchanged()
    {
        var dispenser = new ReplicaDispenser(4, [new("A", 1)], null);

        dispenser.TakeByWeight([new("B", 0)]);

        Assert.Equal([new ClusterReplicas("A", 1)], dispenser.Result);
        Assert.Equal(4, dispenser.NumReplicas);
    }

    [Fact]
    public void TakeByWeight_UnsortedWeightsWithDuplicate_KeepsLastWeightAndSortsByName()
    {
        var dispenser = new ReplicaDispenser(4, null, null);

        dispenser.TakeByWeight([new("b", 1), new("a", 1), new("b", 3)]);

        Assert.Equal([new ClusterReplicas("a", 1), new("b", 3)], dispenser.Result);
    }

    [Fact]
    public void Merge_OldClustersMissingFromNew_AreAppendedInOldOrder()
    {
        var merged = ReplicaDispenser.Merge([new("z", 1), new("b", 2), new("y", 3)], [new("b", 5)]);

        Assert.Equal([new ClusterReplicas("b", 7), new("z", 1), new("y", 3)], merged);
    }
}
