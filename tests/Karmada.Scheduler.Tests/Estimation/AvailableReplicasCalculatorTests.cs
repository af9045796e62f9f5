using Karmada.Api.Cluster.V1Alpha1;
using Karmada.Api.Work.V1Alpha2;
using Karmada.Scheduler.Estimation;

namespace Karmada.Scheduler.Tests.Estimation;

public sealed class AvailableReplicasCalculatorTests
{
    private static readonly Cluster[] Clusters = [Objects.Cluster("a"), Objects.Cluster("b"), Objects.Cluster("c")];

    [Fact]
    public void Calculate_NonWorkload_IsUnbounded()
    {
        var calculator = new AvailableReplicasCalculator([new FixedEstimator("x", 1, 1, 1)]);

        Assert.Equal([int.MaxValue, int.MaxValue, int.MaxValue], calculator.Calculate(Clusters, Objects.Spec()));
    }

    [Fact]
    public void Calculate_SeveralEstimators_TakesMinimumIgnoringUnauthentic()
    {
        var calculator = new AvailableReplicasCalculator(
        [
            new FixedEstimator("x", 5, IReplicaEstimator.UnauthenticReplica, 9),
            new FixedEstimator("y", 7, IReplicaEstimator.UnauthenticReplica, 2),
            new FixedEstimator("broken"),
        ]);

        // b: nobody could tell, so it gets spec.replicas.
        Assert.Equal([5, 4, 2], calculator.Calculate(Clusters, Objects.Spec(4)));
    }

    [Fact]
    public void Calculate_SchedulerEstimatorHigher_OverridesGeneralEstimator()
    {
        var calculator = new AvailableReplicasCalculator(
        [
            new FixedEstimator(GeneralEstimator.EstimatorName, 2, 8, 3),
            new FixedEstimator(IReplicaEstimator.SchedulerEstimatorName, 6, 4, 3),
        ]);

        Assert.Equal([6, 4, 3], calculator.Calculate(Clusters, Objects.Spec(10)));
    }

    private sealed class FixedEstimator(string name, params int[] replicas) : IReplicaEstimator
    {
        public string Name => name;

        public Outcome<IReadOnlyList<int>> MaxAvailableReplicas(IReadOnlyList<Cluster> clusters, ReplicaRequirements? requirements) =>
            replicas.Length == 0 ? new(SchedulingFailure.Error("unreachable")) : new(replicas);
    }
}
