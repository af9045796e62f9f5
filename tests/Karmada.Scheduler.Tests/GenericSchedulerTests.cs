using Karmada.Api.Cluster.V1Alpha1;
using Karmada.Api.Core;
using Karmada.Api.Policy.V1Alpha1;
using Karmada.Api.Work.V1Alpha2;
using Karmada.Scheduler.Framework.Plugins;

namespace Karmada.Scheduler.Tests;

public sealed class GenericSchedulerTests
{
    private static readonly DateTimeOffset Noon = DateTimeOffset.Parse("2025-03-01T12:00:00Z", System.Globalization.CultureInfo.InvariantCulture);

    private readonly GenericScheduler _scheduler = new();

    [Fact]
    public void Schedule_NoClusterFits_ExplainsEachClusterAndClearsTargets()
    {
        var spec = Objects.Spec(2, new Placement { ClusterAffinity = Objects.Names("member1", "member2", "member3") });
        Cluster[] clusters =
        [
            Objects.Cluster("member3").WithTaint(ClusterTaintKeys.NotReady, TaintEffect.NoSchedule).WithApi("apps/v1", "Deployment"),
            Objects.Cluster("member4").WithApi("apps/v1", "Deployment"),
        ];

        var outcome = _scheduler.Schedule(spec, new ResourceBindingStatus(), clusters, ScheduleOptions.Default);

        Assert.False(outcome.IsScheduled);
        Assert.Equal(
            "member3: untolerated taint cluster.karmada.io/not-ready:NoSchedule; member4: cluster affinity not matched",
            outcome.Diagnosis.Explanation);
        Assert.Equal(
            "0/2 clusters are available: 1 cluster(s) did not match the placement cluster affinity constraint, " +
            "1 cluster(s) had untolerated taint {cluster.karmada.io/not-ready:NoSchedule}.",
            outcome.Diagnosis.Failure.Message);
        Assert.Equal(BindingConditionReasons.NoClusterFit, outcome.Diagnosis.Failure.ConditionReason);
        Assert.True(outcome.Diagnosis.ClearsTargets);
        Assert.Equal(TaintTolerationPlugin.PluginName, outcome.Diagnosis.Clusters.Single(c => c.Cluster == "member3").RejectedBy);
    }

    [Fact]
    public void Schedule_NoClusters_ReportsNoClusterExists()
    {
        var outcome = _scheduler.Schedule(Objects.Spec(1), new ResourceBindingStatus(), [], ScheduleOptions.Default);

        Assert.Equal("0/0 clusters are available: no cluster exists.", outcome.Diagnosis!.Failure.Message);
    }

    [Fact]
    public void Schedule_StaticWeights_DividesByWeightAndExplainsUnusedClusters()
    {
        var spec = Objects.Spec(9, new Placement { ReplicaScheduling = Objects.StaticWeights(("member1", 1), ("member2", 2)) });
        Cluster[] clusters = [Deployable("member1"), Deployable("member2"), Deployable("member3")];

        var outcome = _scheduler.Schedule(spec, new ResourceBindingStatus(), clusters, ScheduleOptions.Default);

        Assert.True(outcome.IsScheduled);
        Assert.Equal("member1:3,member2:6", Objects.Describe(outcome.Result.TargetClusters));
        Assert.Null(outcome.Result.AffinityName);
        Assert.Equal("member3: assigned no replicas", outcome.Result.Explanation);
    }

    [Fact]
    public void Schedule_Succeeded_DiagnosesEveryClusterAsOfTheDecision()
    {
        var spec = Objects.Spec(9, new Placement { ReplicaScheduling = Objects.StaticWeights(("member1", 1), ("member2", 2), ("member4", 1)) });
        var deleting = Deployable("member0");
        deleting.Metadata.DeletionTimestamp = Noon;
        Cluster[] clusters = [deleting, Deployable("member1"), Deployable("member2"), Deployable("member3"), Objects.Cluster("member4")];

        var outcome = _scheduler.Schedule(spec, new ResourceBindingStatus(), clusters, ScheduleOptions.Default);

        // The per-cluster list is built on first read; what the caller does to the targets meanwhile must not show.
        outcome.Result!.TargetClusters[0].Replicas = 100;
        var diagnoses = outcome.Result.Clusters;
        Assert.Equal(5, diagnoses.Count);
        Assert.Equal(
            ["member0:Deleting:", "member4:Rejected:", "member1:Scheduled:3", "member2:Scheduled:6", "member3:NoReplicas:"],
            diagnoses.Select(d => $"{d.Cluster}:{d.Verdict}:{d.Replicas}"));
        Assert.Equal(diagnoses[2], outcome.Result.Clusters[2]);
        Assert.All(diagnoses.Skip(2), d => Assert.Equal(0, d.Score));
    }

    [Fact]
    public void Schedule_EmptyWorkloadPropagation_KeepsClustersWithoutReplicas()
    {
        var spec = Objects.Spec(1, new Placement { ReplicaScheduling = Objects.StaticWeights(("member1", 1), ("member2", 1)) });
        Cluster[] clusters = [Deployable("member1"), Deployable("member2")];

        var outcome = _scheduler.Schedule(spec, new ResourceBindingStatus(), clusters, new ScheduleOptions { EnableEmptyWorkloadPropagation = true });

        Assert.Equal("member1:1,member2:0", Objects.Describe(outcome.Result!.TargetClusters));
    }

    [Fact]
    public void Schedule_Duplicated_GivesEveryClusterAllReplicas()
    {
        Cluster[] clusters = [Deployable("member1"), Deployable("member2")];

        var outcome = _scheduler.Schedule(Objects.Spec(3), new ResourceBindingStatus(), clusters, ScheduleOptions.Default);

        Assert.Equal("member1:3,member2:3", Objects.Describe(outcome.Result!.TargetClusters.OrderBy(t => t.Name, StringComparer.Ordinal)));
    }

    [Fact]
    public void Schedule_DeletingCluster_IsSkipped()
    {
        var deleting = Deployable("member1");
        deleting.Metadata.DeletionTimestamp = Noon;

        var outcome = _scheduler.Schedule(Objects.Spec(2), new ResourceBindingStatus(), [deleting, Deployable("member2")], ScheduleOptions.Default);

        Assert.Equal("member2:2", Objects.Describe(outcome.Result!.TargetClusters));
        Assert.Equal("member1: cluster is being deleted", outcome.Result.Explanation);
    }

    [Fact]
    public void Schedule_DynamicWeightWithoutCapacity_IsUnschedulable()
    {
        var spec = Objects.Spec(10, new Placement { ReplicaScheduling = Objects.DynamicWeight() });
        Cluster[] clusters = [Deployable("member1").WithPods(3), Deployable("member2").WithPods(4)];

        var outcome = _scheduler.Schedule(spec, new ResourceBindingStatus(), clusters, ScheduleOptions.Default);

        Assert.Equal(SchedulingFailureKind.Unschedulable, outcome.Diagnosis!.Failure.Kind);
        Assert.Equal("failed to assign replicas: failed to scale up: Clusters available replicas 7 are not enough to schedule.", outcome.Diagnosis.Failure.Message);
        Assert.False(outcome.Diagnosis.ClearsTargets);
    }

    [Fact]
    public void Schedule_DynamicWeight_DividesByAvailablePods()
    {
        var spec = Objects.Spec(6, new Placement { ReplicaScheduling = Objects.DynamicWeight() });
        Cluster[] clusters = [Deployable("member1").WithPods(10), Deployable("member2").WithPods(20)];

        var outcome = _scheduler.Schedule(spec, new ResourceBindingStatus(), clusters, ScheduleOptions.Default);

        Assert.Equal("member1:2,member2:4", Objects.Describe(outcome.Result!.TargetClusters));
    }

    [Fact]
    public void Schedule_FirstAffinityTermFails_FallsBackToTheNext()
    {
        var spec = Objects.Spec(2, Terms(("primary", "gone"), ("backup", "member2")));

        var outcome = _scheduler.Schedule(spec, new ResourceBindingStatus(), [Deployable("member1"), Deployable("member2")], ScheduleOptions.Default);

        Assert.Equal("backup", outcome.Result!.AffinityName);
        Assert.Equal("member2:2", Objects.Describe(outcome.Result.TargetClusters));
        Assert.Equal("primary", Assert.Single(outcome.FailedAttempts).AffinityName);
    }

    [Fact]
    public void Schedule_EveryAffinityTermFails_ReportsTheFirstFailure()
    {
        var spec = Objects.Spec(2, Terms(("primary", "gone"), ("backup", "also-gone")));

        var outcome = _scheduler.Schedule(spec, new ResourceBindingStatus(), [Deployable("member1")], ScheduleOptions.Default);

        Assert.Equal("primary", outcome.Diagnosis!.AffinityName);
        Assert.Equal(2, outcome.FailedAttempts.Count);
        Assert.True(outcome.Diagnosis.ClearsTargets);
    }

    [Theory]
    [InlineData(false, "backup")]
    [InlineData(true, "primary")]
    public void Schedule_ObservedAffinityTerm_StartsThereUnlessRescheduleRequested(bool reschedule, string used)
    {
        var spec = Objects.Spec(2, Terms(("primary", "member1"), ("backup", "member2")));
        var status = new ResourceBindingStatus { SchedulerObservedAffinityName = "backup", LastScheduledTime = Noon };
        if (reschedule)
        {
            spec.RescheduleTriggeredAt = Noon.AddMinutes(1);
        }

        var outcome = _scheduler.Schedule(spec, status, [Deployable("member1"), Deployable("member2")], ScheduleOptions.Default);

        Assert.Equal(used, outcome.Result!.AffinityName);
    }

    [Fact]
    public void Schedule_SpreadByRegion_PicksTheBestClusterPerRegion()
    {
        var placement = new Placement
        {
            SpreadConstraints =
            [
                new SpreadConstraint { SpreadByField = SpreadFieldValue.Region, MinGroups = 2, MaxGroups = 2 },
                new SpreadConstraint { SpreadByField = SpreadFieldValue.Cluster, MinGroups = 2, MaxGroups = 2 },
            ],
        };
        Cluster[] clusters =
        [
            Deployable("east-1", region: "east").WithPods(10),
            Deployable("east-2", region: "east").WithPods(10),
            Deployable("west-1", region: "west").WithPods(10),
        ];

        var outcome = _scheduler.Schedule(Objects.Spec(1, placement), new ResourceBindingStatus(), clusters, ScheduleOptions.Default);

        Assert.Equal(["east-1", "west-1"], outcome.Result!.TargetClusters.Select(t => t.Name).Order(StringComparer.Ordinal));
        Assert.Equal("east-2: not selected by the spread constraints", outcome.Result.Explanation);
    }

    [Fact]
    public void Schedule_NoPlacement_IsAnError()
    {
        var spec = Objects.Spec(1);
        spec.Placement = null;

        var outcome = _scheduler.Schedule(spec, new ResourceBindingStatus(), [Deployable("member1")], ScheduleOptions.Default);

        Assert.Equal(SchedulingFailureKind.Error, outcome.Diagnosis!.Failure.Kind);
    }

    private static Cluster Deployable(string name, string? region = null) => Objects.Cluster(name, region: region).WithApi("apps/v1", "Deployment");

    private static Placement Terms(params (string Name, string Cluster)[] terms) => new()
    {
        ClusterAffinities = [.. terms.Select(t => new ClusterAffinityTerm { AffinityName = t.Name, ClusterNames = [t.Cluster] })],
    };
}
