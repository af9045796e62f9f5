using Karmada.Api;
using Karmada.Api.Meta;
using Karmada.Api.Policy.V1Alpha1;
using Karmada.Api.WellKnown;
using Karmada.Api.Work.V1Alpha2;
using Karmada.Scheduler.Triggers;

namespace Karmada.Scheduler.Tests.Triggers;

public sealed class SchedulingTriggersTests
{
    private static readonly DateTimeOffset Noon = DateTimeOffset.Parse("2025-03-01T12:00:00Z", System.Globalization.CultureInfo.InvariantCulture);

    [Fact]
    public void Evaluate_NoAppliedPlacement_SchedulesForPlacementChange()
    {
        var spec = Objects.Spec(3, new Placement { ReplicaScheduling = Objects.DynamicWeight() });

        Assert.Equal(ScheduleTrigger.PlacementChanged, SchedulingTriggers.Evaluate(new ObjectMeta(), spec, new ResourceBindingStatus(), []).Trigger);
    }

    [Fact]
    public void Evaluate_DividedSumDiffers_SchedulesForReplicaChange()
    {
        var spec = Objects.Spec(5, new Placement { ReplicaScheduling = Objects.DynamicWeight() }, ("a", 2), ("b", 2));

        var decision = SchedulingTriggers.Evaluate(Applied(spec.Placement!), spec, new ResourceBindingStatus(), []);

        Assert.Equal(ScheduleTrigger.ReplicasChanged, decision.Trigger);
        Assert.True(decision.ShouldSchedule);
    }

    [Fact]
    public void Evaluate_RescheduleAfterLastSchedule_SchedulesAgain()
    {
        var spec = Objects.Spec(4, new Placement { ReplicaScheduling = Objects.DynamicWeight() }, ("a", 4));
        spec.RescheduleTriggeredAt = Noon;

        var decision = SchedulingTriggers.Evaluate(Applied(spec.Placement!), spec, new ResourceBindingStatus { LastScheduledTime = Noon.AddMinutes(-1) }, []);

        Assert.Equal(ScheduleTrigger.RescheduleTriggered, decision.Trigger);
    }

    [Fact]
    public void Evaluate_Duplicated_AlwaysSchedules()
    {
        var spec = Objects.Spec(2, new Placement(), ("a", 2));

        Assert.Equal(ScheduleTrigger.AlwaysScheduled, SchedulingTriggers.Evaluate(Applied(spec.Placement!), spec, new ResourceBindingStatus(), []).Trigger);
    }

    [Fact]
    public void Evaluate_TargetClusterDeleting_Reschedules()
    {
        var spec = Objects.Spec(4, new Placement { ReplicaScheduling = Objects.DynamicWeight() }, ("a", 4));
        var deleting = Objects.Cluster("a");
        deleting.Metadata.DeletionTimestamp = Noon;

        Assert.Equal(ScheduleTrigger.TargetClusterTerminating, SchedulingTriggers.Evaluate(Applied(spec.Placement!), spec, new ResourceBindingStatus(), [deleting]).Trigger);
    }

    [Fact]
    public void Evaluate_NothingChanged_OnlyCatchesUpObservedGeneration()
    {
        var spec = Objects.Spec(4, new Placement { ReplicaScheduling = Objects.DynamicWeight() }, ("a", 4));
        var metadata = Applied(spec.Placement!);
        metadata.Generation = 3;

        var decision = SchedulingTriggers.Evaluate(metadata, spec, new ResourceBindingStatus { SchedulerObservedGeneration = 2 }, [Objects.Cluster("a")]);

        Assert.Equal(ScheduleTrigger.None, decision.Trigger);
        Assert.False(decision.ShouldSchedule);
        Assert.True(decision.UpdateObservedGeneration);
    }

    [Fact]
    public void Evaluate_BindingDeleting_Skips()
    {
        var decision = SchedulingTriggers.Evaluate(new ObjectMeta { DeletionTimestamp = Noon }, Objects.Spec(1), new ResourceBindingStatus(), []);

        Assert.Equal(ScheduleTrigger.BindingDeleting, decision.Trigger);
        Assert.False(decision.ShouldSchedule);
    }

    [Fact]
    public void PlacementChanged_OnlyAnotherAffinityTermChanged_IsUnchanged()
    {
        var applied = Affinities(("primary", "a"), ("backup", "b"));
        var current = Affinities(("primary", "a"), ("backup", "c"));

        Assert.False(SchedulingTriggers.PlacementChanged(current, KarmadaJson.Serialize(applied), "primary"));
        Assert.True(SchedulingTriggers.PlacementChanged(current, KarmadaJson.Serialize(applied), "backup"));
        Assert.True(SchedulingTriggers.PlacementChanged(current, KarmadaJson.Serialize(applied), ""));
    }

    [Fact]
    public void PlacementChanged_UnreadableAnnotation_IsUnchanged()
    {
        Assert.False(SchedulingTriggers.PlacementChanged(new Placement(), "{not json", null));
    }

    [Theory]
    [InlineData(null, "2025-03-01T12:00:00Z", false)]
    [InlineData("2025-03-01T12:00:00Z", null, false)]
    [InlineData("2025-03-01T12:00:00Z", "2025-03-01T12:00:00Z", false)]
    [InlineData("2025-03-01T12:00:01Z", "2025-03-01T12:00:00Z", true)]
    public void RescheduleRequired_Timestamps_RequiresStrictlyLaterTrigger(string? triggered, string? last, bool required)
    {
        Assert.Equal(required, SchedulingTriggers.RescheduleRequired(Parse(triggered), Parse(last)));
    }

    private static DateTimeOffset? Parse(string? value) =>
        value is null ? null : DateTimeOffset.Parse(value, System.Globalization.CultureInfo.InvariantCulture);

    private static ObjectMeta Applied(Placement placement) =>
        new() { Annotations = new() { [WellKnownAnnotations.AppliedPlacement] = KarmadaJson.Serialize(placement) } };

    private static Placement Affinities(params (string Name, string Cluster)[] terms) => new()
    {
        ClusterAffinities = [.. terms.Select(t => new ClusterAffinityTerm { AffinityName = t.Name, ClusterNames = [t.Cluster] })],
    };
}
