using Karmada.Api.Meta;
using Karmada.Api.Work.V1Alpha2;

namespace Karmada.Scheduler.Service.Tests;

public sealed class BindingWriterTests
{
    [Fact]
    public void TheSpecPatchIsGuardedByTheResourceVersionItWasComputedFrom()
    {
        var patch = BindingWriter.SpecPatch(
            new ObjectMeta { Name = "web", ResourceVersion = "42" },
            new SpecChange([new TargetCluster { Name = "member1", Replicas = 2 }], "{\"placement\":1}"));

        Assert.Equal("42", (string?)patch["metadata"]!["resourceVersion"]);
        Assert.Equal("{\"placement\":1}", (string?)patch["metadata"]!["annotations"]!["policy.karmada.io/applied-placement"]);
        Assert.Equal("""[{"name":"member1","replicas":2}]""", patch["spec"]!["clusters"]!.ToJsonString());
    }

    [Fact]
    public void AnEmptyResultRemovesTheClusters()
    {
        var patch = BindingWriter.SpecPatch(new ObjectMeta { ResourceVersion = "1" }, new SpecChange([], "{}"));

        var spec = patch["spec"]!.AsObject();
        Assert.True(spec.ContainsKey("clusters"));
        Assert.Null(spec["clusters"]);
    }

    [Fact]
    public void TheStatusPatchReplacesOnlyTheScheduledCondition()
    {
        var current = new ResourceBindingStatus
        {
            Conditions =
            [
                new Condition { Type = BindingConditionTypes.Scheduled, Status = ConditionStatus.False, Reason = "NoClusterFit" },
                new Condition { Type = BindingConditionTypes.FullyApplied, Status = ConditionStatus.True, Reason = "FullyAppliedSuccess" },
            ],
        };
        var scheduled = new Condition { Type = BindingConditionTypes.Scheduled, Status = ConditionStatus.True, Reason = "Success", Message = "ok" };
        var time = new DateTimeOffset(2026, 11, 28, 9, 30, 0, TimeSpan.Zero);

        var patch = BindingWriter.BuildStatusPatch(current, new StatusChange(scheduled, true, time, "primary"), 7)["status"]!.AsObject();

        var conditions = patch["conditions"]!.AsArray();
        Assert.Equal(["FullyApplied", "Scheduled"], conditions.Select(c => (string?)c!["type"]));
        Assert.Equal("True", (string?)conditions[1]!["status"]);
        Assert.Equal(7, (long?)patch["schedulerObservedGeneration"]);
        Assert.Equal("2026-11-28T09:30:00Z", (string?)patch["lastScheduledTime"]);
        Assert.Equal("primary", (string?)patch["schedulerObservingAffinityName"]);
    }

    [Fact]
    public void CatchingUpTheGenerationTouchesNothingElse()
    {
        var patch = BindingWriter.BuildStatusPatch(new ResourceBindingStatus(), new StatusChange(null, true, null, null), 3);

        Assert.Equal("""{"status":{"schedulerObservedGeneration":3}}""", patch.ToJsonString());
    }
}
