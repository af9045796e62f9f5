using Karmada.Api.Meta;
using Karmada.Controllers.BindingStatus;
using static Karmada.Controllers.Tests.BindingStatus.BindingStatusTestObjects;
using PolicyV1Alpha1 = Karmada.Api.Policy.V1Alpha1;
using WorkV1Alpha2 = Karmada.Api.Work.V1Alpha2;

namespace Karmada.Controllers.Tests.BindingStatus;

public sealed class FullyAppliedConditionTests
{
    private static WorkV1Alpha2.AggregatedStatusItem Item(string cluster, bool applied = true, WorkV1Alpha2.ResourceHealth health = WorkV1Alpha2.ResourceHealth.Healthy) =>
        new() { ClusterName = cluster, Applied = applied, Health = health };

    [Fact]
    public void Generate_EveryClusterAppliedAndHealthy_IsTrue()
    {
        var condition = FullyAppliedCondition.Generate(Spec("member1", "member2"), [Item("member1"), Item("member2")]);
        Assert.Equal(WorkV1Alpha2.BindingConditionTypes.FullyApplied, condition.Type);
        Assert.Equal(ConditionStatus.True, condition.Status);
        Assert.Equal(WorkV1Alpha2.BindingConditionReasons.FullyAppliedSuccess, condition.Reason);
        Assert.Equal(FullyAppliedCondition.SuccessMessage, condition.Message);
    }

    [Fact]
    public void Generate_OneWorkFailed_IsFalse()
    {
        var condition = FullyAppliedCondition.Generate(Spec("member1", "member2"), [Item("member1"), Item("member2", applied: false, WorkV1Alpha2.ResourceHealth.Unknown)]);
        Assert.Equal(ConditionStatus.False, condition.Status);
        Assert.Equal(WorkV1Alpha2.BindingConditionReasons.FullyAppliedFailed, condition.Reason);
        Assert.Equal(FullyAppliedCondition.FailedMessage, condition.Message);
    }

    [Theory]
    [InlineData(WorkV1Alpha2.ResourceHealth.Unhealthy)]
    [InlineData(WorkV1Alpha2.ResourceHealth.Unknown)]
    public void WorksFullyApplied_AppliedButNotHealthy_IsFalse(WorkV1Alpha2.ResourceHealth health) =>
        Assert.False(FullyAppliedCondition.WorksFullyApplied([Item("member1", health: health)], new HashSet<string> { "member1" }));

    [Fact]
    public void WorksFullyApplied_MissingWork_IsFalse() =>
        Assert.False(FullyAppliedCondition.WorksFullyApplied([Item("member1")], new HashSet<string> { "member1", "member2" }));

    [Fact]
    public void WorksFullyApplied_StatusFromAnotherCluster_IsFalse() =>
        Assert.False(FullyAppliedCondition.WorksFullyApplied([Item("member1"), Item("member3")], new HashSet<string> { "member1", "member2" }));

    [Fact]
    public void WorksFullyApplied_NotScheduled_IsFalse() =>
        Assert.False(FullyAppliedCondition.WorksFullyApplied([], new HashSet<string>()));

    [Fact]
    public void TargetClusters_IncludeRequiredByAndGracefulEvictionsButNotDirectPurges()
    {
        var spec = Spec("member1");
        spec.RequiredBy.Add(new WorkV1Alpha2.BindingSnapshot { Name = "parent", Clusters = [new() { Name = "member2" }] });
        spec.GracefulEvictionTasks.Add(new WorkV1Alpha2.GracefulEvictionTask { FromCluster = "member3", PurgeMode = PolicyV1Alpha1.PurgeMode.Gracefully });
        spec.GracefulEvictionTasks.Add(new WorkV1Alpha2.GracefulEvictionTask { FromCluster = "member4", PurgeMode = PolicyV1Alpha1.PurgeMode.Directly });
        spec.GracefulEvictionTasks.Add(new WorkV1Alpha2.GracefulEvictionTask { FromCluster = "member5", PurgeMode = PolicyV1Alpha1.PurgeMode.Immediately });
        spec.GracefulEvictionTasks.Add(new WorkV1Alpha2.GracefulEvictionTask { FromCluster = "member6" });

        Assert.Equal(["member1", "member2", "member3", "member6"], FullyAppliedCondition.TargetClusters(spec).Order(StringComparer.Ordinal));
    }
}
