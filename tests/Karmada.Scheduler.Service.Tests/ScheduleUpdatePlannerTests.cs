using Karmada.Api;
using Karmada.Api.Cluster.V1Alpha1;
using Karmada.Api.Core;
using Karmada.Api.Meta;
using Karmada.Api.WellKnown;
using Karmada.Api.Work.V1Alpha2;
using Karmada.Scheduler.Triggers;

namespace Karmada.Scheduler.Service.Tests;

public sealed class ScheduleUpdatePlannerTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 28, 9, 0, 0, TimeSpan.Zero);
    private readonly GenericScheduler _scheduler = new();

    [Fact]
    public void ANewBindingGetsClustersStatusAndASuccessEvent()
    {
        var binding = SchedulableBinding.Of(TestObjects.Binding("web", 3, TestObjects.StaticWeights(("member1", 2), ("member2", 1))));
        Cluster[] clusters = [TestObjects.ReadyCluster("member1"), TestObjects.ReadyCluster("member2")];

        var update = Plan(binding, clusters);

        Assert.NotNull(update.Spec);
        Assert.Equal("member1:2,member2:1", TestObjects.Describe(update.Spec.Clusters));
        Assert.Equal(KarmadaJson.Serialize(binding.Spec.Placement!), update.Spec.AppliedPlacement);
        var status = Assert.IsType<StatusChange>(update.Status);
        Assert.Equal(ConditionStatus.True, status.Scheduled!.Status);
        Assert.Equal(BindingConditionReasons.Success, status.Scheduled.Reason);
        Assert.Equal(ScheduleUpdatePlanner.SuccessMessage, status.Scheduled.Message);
        Assert.True(status.ObserveGeneration);
        Assert.Equal(Now, status.LastScheduledTime);
        Assert.Equal(new SchedulingEvent("Normal", "ScheduleBindingSucceed", "Binding has been scheduled successfully. Result: {member1:2, member2:1}"), update.Event);
    }

    [Fact]
    public void ARerunThatChangesNothingWritesNothing()
    {
        var binding = SchedulableBinding.Of(TestObjects.Binding("web", 2, TestObjects.Duplicated()));
        Cluster[] clusters = [TestObjects.ReadyCluster("member1"), TestObjects.ReadyCluster("member2")];
        var settled = Settle(binding, Plan(binding, clusters));

        var decision = SchedulingTriggers.Evaluate(settled.Metadata, settled.Spec, settled.Status, clusters);
        Assert.Equal(ScheduleTrigger.AlwaysScheduled, decision.Trigger);
        Assert.Same(ScheduleUpdate.None, Plan(settled, clusters));
    }

    [Fact]
    public void ARequestedRescheduleMovesLastScheduledTimeEvenWithTheSameResult()
    {
        var binding = SchedulableBinding.Of(TestObjects.Binding("web", 2, TestObjects.Duplicated()));
        Cluster[] clusters = [TestObjects.ReadyCluster("member1")];
        var settled = Settle(binding, Plan(binding, clusters));
        settled.Spec.RescheduleTriggeredAt = Now.AddMinutes(1);

        var update = Plan(settled, clusters, Now.AddMinutes(2));

        Assert.Null(update.Spec);
        Assert.Equal(Now.AddMinutes(2), update.Status!.LastScheduledTime);
    }

    [Fact]
    public void NoClusterFitClearsTheResultAndSaysWhyPerCluster()
    {
        var binding = SchedulableBinding.Of(TestObjects.Binding("web", 2, TestObjects.Duplicated("member1", "member2")));
        binding.Spec.Clusters = [new TargetCluster { Name = "gone", Replicas = 2 }];
        binding.Metadata.Annotations[WellKnownAnnotations.AppliedPlacement] = KarmadaJson.Serialize(binding.Spec.Placement!);
        var tainted = TestObjects.ReadyCluster("member1");
        tainted.Spec.Taints.Add(new Api.Core.Taint { Key = "cluster.karmada.io/not-ready", Effect = TaintEffect.NoSchedule });
        Cluster[] clusters = [tainted, TestObjects.ReadyCluster("member3")];

        var update = Plan(binding, clusters);

        Assert.NotNull(update.Spec);
        Assert.Empty(update.Spec.Clusters);
        var condition = update.Status!.Scheduled!;
        Assert.Equal(ConditionStatus.False, condition.Status);
        Assert.Equal(BindingConditionReasons.NoClusterFit, condition.Reason);
        Assert.StartsWith("0/2 clusters are available", condition.Message, StringComparison.Ordinal);
        Assert.Contains("member1 (TaintToleration): ", condition.Message, StringComparison.Ordinal);
        Assert.Contains("member3 (ClusterAffinity): ", condition.Message, StringComparison.Ordinal);
        Assert.False(update.Status.ObserveGeneration);
        Assert.Null(update.Status.LastScheduledTime);
        Assert.Equal("Warning", update.Event!.Type);
        Assert.Equal("ScheduleBindingFailed", update.Event.Reason);
        Assert.Equal(condition.Message, update.Event.Message);
    }

    [Fact]
    public void TheSameFailureAgainWritesNothing()
    {
        var binding = SchedulableBinding.Of(TestObjects.Binding("web", 2, TestObjects.Duplicated("member9")));
        Cluster[] clusters = [TestObjects.ReadyCluster("member1")];
        var settled = Settle(binding, Plan(binding, clusters));

        Assert.Same(ScheduleUpdate.None, Plan(settled, clusters));
    }

    [Fact]
    public void UnscheduledBindingsOnlyCatchUpTheObservedGeneration()
    {
        var decision = new SchedulingDecision(ScheduleTrigger.None, false, true, "don't need to schedule");

        var update = ScheduleUpdatePlanner.ForUnscheduled(decision);

        Assert.Null(update.Spec);
        Assert.Equal(new StatusChange(null, true, null, null), update.Status);
        Assert.Same(ScheduleUpdate.None, ScheduleUpdatePlanner.ForUnscheduled(decision with { UpdateObservedGeneration = false }));
    }

    [Fact]
    public void TheTransitionTimeOnlyMovesWithTheStatus()
    {
        var binding = SchedulableBinding.Of(TestObjects.Binding("web", 2, TestObjects.StaticWeights(("member1", 1))));
        Cluster[] clusters = [TestObjects.ReadyCluster("member1")];
        var settled = Settle(binding, Plan(binding, clusters));
        settled.Spec.Replicas = 4;
        settled.Metadata.Generation = 2;

        var update = Plan(settled, clusters, Now.AddHours(1));

        Assert.Equal("member1:4", TestObjects.Describe(update.Spec!.Clusters));
        Assert.Equal(Now, update.Status!.Scheduled!.LastTransitionTime);
        Assert.Equal(Now.AddHours(1), update.Status.LastScheduledTime);
    }

    private ScheduleUpdate Plan(SchedulableBinding binding, IReadOnlyList<Cluster> clusters, DateTimeOffset? now = null)
    {
        var decision = SchedulingTriggers.Evaluate(binding.Metadata, binding.Spec, binding.Status, clusters);
        Assert.True(decision.ShouldSchedule, decision.Reason);
        var outcome = _scheduler.Schedule(binding.Spec, binding.Status, clusters, ScheduleOptions.Default);
        return ScheduleUpdatePlanner.ForOutcome(binding, decision, outcome, now ?? Now);
    }

    /// <summary>The binding as the API server would hold it after the update was written.</summary>
    private static SchedulableBinding Settle(SchedulableBinding binding, ScheduleUpdate update)
    {
        var metadata = binding.Metadata.DeepClone();
        var spec = binding.Spec.DeepClone();
        var status = binding.Status.DeepClone();
        if (update.Spec is { } specChange)
        {
            spec.Clusters = [.. specChange.Clusters];
            metadata.Annotations[WellKnownAnnotations.AppliedPlacement] = specChange.AppliedPlacement;
            metadata.Generation++;
        }

        if (update.Status is { } change)
        {
            if (change.Scheduled is { } condition)
            {
                status.Conditions = [.. status.Conditions.Where(c => c.Type != condition.Type), condition];
            }

            status.SchedulerObservedGeneration = change.ObserveGeneration ? metadata.Generation : status.SchedulerObservedGeneration;
            status.LastScheduledTime = change.LastScheduledTime ?? status.LastScheduledTime;
        }

        return binding with { Metadata = metadata, Spec = spec, Status = status };
    }
}
