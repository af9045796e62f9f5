using Karmada.Api.Meta;
using Karmada.Api.Policy.V1Alpha1;
using Karmada.Api.Work.V1Alpha2;
using Karmada.Policy.Selection;
using Karmada.Scheduler.Assignment;
using Karmada.Scheduler.Spread;

namespace Karmada.Scheduler.Tests.Assignment;

public sealed class ReplicaAssignerTests
{
    [Fact]
    public void AssignReplicas_NoClusters_Fails()
    {
        var result = ReplicaAssigner.AssignReplicas([], Objects.Spec(3), null);

        Assert.Equal("no clusters available to schedule", result.Failure!.Message);
    }

    [Fact]
    public void AssignReplicas_DividedWithoutPreference_IsUnsupported()
    {
        var placement = new Placement { ReplicaScheduling = new ReplicaSchedulingStrategy { ReplicaSchedulingType = ReplicaSchedulingType.Divided } };

        var result = ReplicaAssigner.AssignReplicas([Objects.Detail("a")], Objects.Spec(3, placement), null);

        Assert.Equal(SchedulingFailureKind.Error, result.Failure!.Kind);
        Assert.StartsWith("unsupported replica scheduling strategy", result.Failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AssignReplicas_FreshMode_DividesEverythingAgain()
    {
        var spec = Objects.Spec(6, new Placement { ReplicaScheduling = Objects.DynamicWeight() }, ("a", 6));
        spec.RescheduleTriggeredAt = DateTimeOffset.Parse("2025-01-02T00:00:00Z", System.Globalization.CultureInfo.InvariantCulture);
        var status = new ResourceBindingStatus { LastScheduledTime = spec.RescheduleTriggeredAt.Value.AddHours(-1) };

        // Weights are allocatable plus assigned: a = 0 + 6, b = 6.
        var result = ReplicaAssigner.AssignReplicas([Objects.Detail("a", 0), Objects.Detail("b", 6)], spec, status);

        Assert.Equal("a:3,b:3", Objects.Describe(result.Value!));
    }

    [Fact]
    public void AssignReplicas_SteadyScaleUp_KeepsExistingReplicas()
    {
        var spec = Objects.Spec(6, new Placement { ReplicaScheduling = Objects.DynamicWeight() }, ("a", 4));

        var result = ReplicaAssigner.AssignReplicas([Objects.Detail("a", 0), Objects.Detail("b", 6)], spec, null);

        Assert.Equal("a:4,b:2", Objects.Describe(result.Value!.OrderBy(t => t.Name, StringComparer.Ordinal)));
    }

    [Fact]
    public void AssignReplicas_ShortCapacity_IsUnschedulable()
    {
        var spec = Objects.Spec(10, new Placement { ReplicaScheduling = Objects.Divided(ReplicaDivisionPreference.Aggregated) });

        var result = ReplicaAssigner.AssignReplicas([Objects.Detail("a", 3), Objects.Detail("b", 4)], spec, null);

        Assert.Equal(SchedulingFailureKind.Unschedulable, result.Failure!.Kind);
        Assert.Equal("failed to scale up: Clusters available replicas 7 are not enough to schedule.", result.Failure.Message);
    }

    [Fact]
    public void AssignReplicas_OverflowTiers_FillPrimaryFirst()
    {
        var placement = new Placement
        {
            ReplicaScheduling = Objects.DynamicWeight(),
            ClusterAffinities =
            [
                new ClusterAffinityTerm
                {
                    AffinityName = "primary",
                    ClusterNames = ["a", "b"],
                    OverflowAffinities = [new OverflowClusterAffinity { AffinityName = "burst", ClusterNames = ["c"] }],
                },
            ],
        };
        var status = new ResourceBindingStatus { SchedulerObservedAffinityName = "primary" };
        List<ClusterDetailInfo> clusters = [Objects.Detail("a", 2), Objects.Detail("b", 2), Objects.Detail("c", 10, overflowOrder: 1)];

        var result = ReplicaAssigner.AssignReplicas(clusters, Objects.Spec(7, placement), status);

        Assert.Equal("a:2,b:2,c:3", Objects.Describe(result.Value!));
    }

    [Fact]
    public void AssignReplicas_MultiComponentWithGateAndSingleCluster_CopiesComponents()
    {
        var spec = Objects.Spec(placement: new Placement
        {
            SpreadConstraints = [new SpreadConstraint { SpreadByField = SpreadFieldValue.Cluster, MinGroups = 1, MaxGroups = 1 }],
        });
        spec.Components = [new Component { Name = "jobmanager", Replicas = 1 }, new Component { Name = "taskmanager", Replicas = 4 }];

        var result = ReplicaAssigner.AssignReplicas([Objects.Detail("a")], spec, null, multiplePodTemplatesScheduling: true);

        Assert.Equal(["jobmanager=1", "taskmanager=4"], result.Value!.Single().Components.Select(c => $"{c.Name}={c.Replicas}"));
    }

    [Fact]
    public void StaticWeights_MixedRules_EqualsMatchingEveryRule()
    {
        var labelled = Objects.Cluster("c", labels: new Dictionary<string, string> { ["tier"] = "gold" });
        List<ClusterDetailInfo> candidates = [Objects.Detail("a"), Objects.Detail("b"), new(labelled, 0), Objects.Detail("d")];
        List<StaticClusterWeight> rules =
        [
            new() { TargetCluster = Objects.Names("a", "b"), Weight = 2 },
            new() { TargetCluster = new ClusterAffinity { ClusterNames = ["a"], ExcludeClusters = ["a"] }, Weight = 9 },
            new() { TargetCluster = new ClusterAffinity { ExcludeClusters = ["b"] }, Weight = 3 },
            new() { TargetCluster = new ClusterAffinity { LabelSelector = new LabelSelector { MatchLabels = new() { ["tier"] = "gold" } } }, Weight = 5 },
            new() { TargetCluster = new ClusterAffinity(), Weight = 1 },
        ];

        var weights = ReplicaAssigner.StaticWeights(candidates, rules);

        var expected = candidates.Select(c => (c.Name, rules.Where(r => ClusterAffinityMatcher.Matches(c.Cluster, r.TargetCluster)).Max(r => r.Weight)));
        Assert.Equal(expected, weights.Select(w => (w.Name, w.Weight)));
    }
}
