using Karmada.Api.Meta;
using Karmada.Controllers.Status;
using ClusterV1Alpha1 = Karmada.Api.Cluster.V1Alpha1;

namespace Karmada.Controllers.Tests.Status;

public sealed class ClusterStatusMergeTests
{
    [Fact]
    public void Apply_ReplacesCollectedFields_KeepsOtherWritersConditionsAndModelings()
    {
        var fresh = new ClusterV1Alpha1.Cluster
        {
            Metadata = new ObjectMeta { Name = "m1", ResourceVersion = "7", Finalizers = ["karmada.io/cluster-controller"] },
            Status = new ClusterV1Alpha1.ClusterStatus
            {
                KubernetesVersion = "v1.30.0",
                Conditions =
                [
                    new Condition { Type = ClusterV1Alpha1.ClusterConditionTypes.Ready, Status = ConditionStatus.False, Reason = "ClusterNotReachable" },
                    new Condition { Type = "SomethingElse", Status = ConditionStatus.True, Reason = "Other" },
                ],
                ResourceSummary = new ClusterV1Alpha1.ResourceSummary { AllocatableModelings = [new() { Grade = 1, Count = 3 }] },
            },
        };
        var collected = new ClusterV1Alpha1.ClusterStatus
        {
            KubernetesVersion = "v1.31.0",
            ApiEnablements = [new() { GroupVersion = "v1", Resources = [new() { Name = "pods", Kind = "Pod" }] }],
            NodeSummary = new ClusterV1Alpha1.NodeSummary { TotalNum = 2, ReadyNum = 2 },
            ResourceSummary = new ClusterV1Alpha1.ResourceSummary { Allocatable = new() { ["cpu"] = "8" } },
            Conditions =
            [
                new Condition { Type = ClusterV1Alpha1.ClusterConditionTypes.Ready, Status = ConditionStatus.True, Reason = "ClusterReady" },
                new Condition { Type = ClusterV1Alpha1.ClusterConditionTypes.CompleteAPIEnablements, Status = ConditionStatus.True, Reason = "CompleteAPIEnablements" },
            ],
        };

        var merged = ClusterStatusMerge.Apply(fresh, collected);

        Assert.Equal("7", merged.Metadata.ResourceVersion);
        Assert.Contains("karmada.io/cluster-controller", merged.Metadata.Finalizers);
        Assert.Equal("v1.31.0", merged.Status.KubernetesVersion);
        Assert.Equal("v1", Assert.Single(merged.Status.ApiEnablements).GroupVersion);
        Assert.Equal(2, merged.Status.NodeSummary!.ReadyNum);
        Assert.Equal("8", merged.Status.ResourceSummary!.Allocatable["cpu"]);
        Assert.Equal(3, Assert.Single(merged.Status.ResourceSummary.AllocatableModelings).Count);
        Assert.Equal(ConditionStatus.True, Assert.Single(merged.Status.Conditions, c => c.Type == ClusterV1Alpha1.ClusterConditionTypes.Ready).Status);
        Assert.Single(merged.Status.Conditions, c => c.Type == ClusterV1Alpha1.ClusterConditionTypes.CompleteAPIEnablements);
        Assert.Single(merged.Status.Conditions, c => c.Type == "SomethingElse");
    }
}
