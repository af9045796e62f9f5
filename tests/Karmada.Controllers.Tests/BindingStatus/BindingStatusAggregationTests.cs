using System.Text.Json.Nodes;
using Karmada.Api.Meta;
using Karmada.Controllers.BindingStatus;
using Karmada.Interpreter;
using static Karmada.Controllers.Tests.BindingStatus.BindingStatusTestObjects;
using WorkV1Alpha1 = Karmada.Api.Work.V1Alpha1;
using WorkV1Alpha2 = Karmada.Api.Work.V1Alpha2;

namespace Karmada.Controllers.Tests.BindingStatus;

public sealed class BindingStatusAggregationTests
{
    private static readonly DateTimeOffset T0 = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);

    private static WorkV1Alpha1.Work[] TwoHealthyWorks(long generation = 1, long templateGeneration = 1) =>
    [
        Work("member1", applied: true, DeploymentStatus(ready: 1, generation, generation, templateGeneration), WorkV1Alpha1.ResourceHealth.Healthy),
        Work("member2", applied: true, DeploymentStatus(ready: 2, generation, generation, templateGeneration), WorkV1Alpha1.ResourceHealth.Healthy),
    ];

    [Fact]
    public void Compute_LeavesTheCurrentStatusUntouched_AndHandsBackItsItemsWhenUnchanged()
    {
        var status = new WorkV1Alpha2.ResourceBindingStatus();
        BindingStatusAggregation.Apply(status, Spec("member1", "member2"), TwoHealthyWorks(), T0);
        var before = Karmada.Api.KarmadaJson.Serialize(status);

        var unchanged = BindingStatusAggregation.Compute(status, Spec("member1", "member2"), TwoHealthyWorks(), T0.AddMinutes(1));
        Assert.False(unchanged.Changed);
        Assert.Same(status.AggregatedStatus, unchanged.AggregatedStatus);
        Assert.NotSame(status.Conditions, unchanged.Conditions);

        var works = TwoHealthyWorks();
        works[1] = Work("member2", applied: false, null, null);
        var changed = BindingStatusAggregation.Compute(status, Spec("member1", "member2"), works, T0.AddMinutes(2));
        Assert.True(changed.Changed);
        Assert.False(changed.AggregatedStatus[1].Applied);
        Assert.Equal(ConditionStatus.False, changed.Conditions[0].Status);
        Assert.Equal(before, Karmada.Api.KarmadaJson.Serialize(status));
    }

    [Fact]
    public void Apply_NewWorks_SetsAggregatedStatusAndFullyApplied_ThenIsStable()
    {
        var status = new WorkV1Alpha2.ResourceBindingStatus();
        Assert.True(BindingStatusAggregation.Apply(status, Spec("member1", "member2"), TwoHealthyWorks(), T0));
        Assert.Equal(["member1", "member2"], status.AggregatedStatus.Select(i => i.ClusterName));
        var condition = Assert.Single(status.Conditions);
        Assert.Equal(ConditionStatus.True, condition.Status);
        Assert.Equal(T0, condition.LastTransitionTime);

        Assert.False(BindingStatusAggregation.Apply(status, Spec("member1", "member2"), TwoHealthyWorks(), T0.AddMinutes(1)));
        Assert.Equal(T0, status.Conditions[0].LastTransitionTime);
    }

    [Fact]
    public void Apply_OneWorkFails_FlipsFullyAppliedAndMovesTransitionTime()
    {
        var status = new WorkV1Alpha2.ResourceBindingStatus();
        BindingStatusAggregation.Apply(status, Spec("member1", "member2"), TwoHealthyWorks(), T0);
        WorkV1Alpha1.Work[] works = [TwoHealthyWorks()[0], Work("member2", applied: false, message: "denied")];

        Assert.True(BindingStatusAggregation.Apply(status, Spec("member1", "member2"), works, T0.AddMinutes(1)));
        var condition = Assert.Single(status.Conditions);
        Assert.Equal(ConditionStatus.False, condition.Status);
        Assert.Equal(T0.AddMinutes(1), condition.LastTransitionTime);
        Assert.Equal("denied", status.AggregatedStatus[1].AppliedMessage);
    }

    [Fact]
    public void Apply_KeepsOtherConditions()
    {
        var status = new WorkV1Alpha2.ResourceBindingStatus();
        status.Conditions.Add(new Condition { Type = WorkV1Alpha2.BindingConditionTypes.Scheduled, Status = ConditionStatus.True, Reason = "Success" });
        BindingStatusAggregation.Apply(status, Spec("member1", "member2"), TwoHealthyWorks(), T0);
        Assert.Equal([WorkV1Alpha2.BindingConditionTypes.Scheduled, WorkV1Alpha2.BindingConditionTypes.FullyApplied], status.Conditions.Select(c => c.Type));
    }

    [Fact]
    public void DeploymentTemplateStatus_SumsReplicasOverClusters_AndObservesTheGenerationEveryMemberSaw()
    {
        var status = new WorkV1Alpha2.ResourceBindingStatus();
        BindingStatusAggregation.Apply(status, Spec("member1", "member2"), TwoHealthyWorks(generation: 3, templateGeneration: 2), T0);
        var template = new JsonObject
        {
            ["apiVersion"] = "apps/v1",
            ["kind"] = "Deployment",
            ["metadata"] = new JsonObject { ["namespace"] = "apps", ["name"] = "web", ["generation"] = 2 },
            ["spec"] = new JsonObject { ["replicas"] = 3 },
        };

        var aggregated = ResourceInterpreter.CreateDefault().AggregateStatus(template, status.AggregatedStatus);
        Assert.Equal(3, (long)aggregated["status"]!["readyReplicas"]!);
        Assert.Equal(3, (long)aggregated["status"]!["availableReplicas"]!);
        Assert.Equal(2, (long)aggregated["status"]!["observedGeneration"]!);
    }

    [Fact]
    public void DeploymentTemplateStatus_OneMemberOnAnOlderTemplate_KeepsTheOldObservedGeneration()
    {
        WorkV1Alpha1.Work[] works =
        [
            Work("member1", applied: true, DeploymentStatus(ready: 1, generation: 2, observedGeneration: 2, templateGeneration: 2), WorkV1Alpha1.ResourceHealth.Healthy),
            Work("member2", applied: true, DeploymentStatus(ready: 2, generation: 2, observedGeneration: 2, templateGeneration: 1), WorkV1Alpha1.ResourceHealth.Healthy),
        ];
        var status = new WorkV1Alpha2.ResourceBindingStatus();
        BindingStatusAggregation.Apply(status, Spec("member1", "member2"), works, T0);
        var template = new JsonObject
        {
            ["apiVersion"] = "apps/v1",
            ["kind"] = "Deployment",
            ["metadata"] = new JsonObject { ["namespace"] = "apps", ["name"] = "web", ["generation"] = 2 },
            ["status"] = new JsonObject { ["observedGeneration"] = 1 },
        };

        var aggregated = ResourceInterpreter.CreateDefault().AggregateStatus(template, status.AggregatedStatus);
        Assert.Equal(3, (long)aggregated["status"]!["readyReplicas"]!);
        Assert.Equal(1, (long)aggregated["status"]!["observedGeneration"]!);
    }

    [Fact]
    public void DeploymentTemplateStatus_MemberControllerBehind_KeepsTheOldObservedGeneration()
    {
        WorkV1Alpha1.Work[] works =
        [
            Work("member1", applied: true, DeploymentStatus(ready: 1, generation: 2, observedGeneration: 1, templateGeneration: 2), WorkV1Alpha1.ResourceHealth.Unhealthy),
        ];
        var status = new WorkV1Alpha2.ResourceBindingStatus();
        BindingStatusAggregation.Apply(status, Spec("member1"), works, T0);
        var template = new JsonObject
        {
            ["apiVersion"] = "apps/v1",
            ["kind"] = "Deployment",
            ["metadata"] = new JsonObject { ["namespace"] = "apps", ["name"] = "web", ["generation"] = 2 },
            ["status"] = new JsonObject { ["observedGeneration"] = 1 },
        };

        var aggregated = ResourceInterpreter.CreateDefault().AggregateStatus(template, status.AggregatedStatus);
        Assert.Equal(1, (long)aggregated["status"]!["observedGeneration"]!);
    }
}
