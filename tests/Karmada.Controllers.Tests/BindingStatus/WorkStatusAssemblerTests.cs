using Karmada.Controllers.BindingStatus;
using static Karmada.Controllers.Tests.BindingStatus.BindingStatusTestObjects;
using WorkV1Alpha1 = Karmada.Api.Work.V1Alpha1;
using WorkV1Alpha2 = Karmada.Api.Work.V1Alpha2;

namespace Karmada.Controllers.Tests.BindingStatus;

public sealed class WorkStatusAssemblerTests
{
    [Fact]
    public void Assemble_AppliedWorks_CarryTheTemplatesManifestStatusSortedByCluster()
    {
        var items = WorkStatusAssembler.Assemble(
            [
                Work("member2", applied: true, DeploymentStatus(ready: 2), WorkV1Alpha1.ResourceHealth.Healthy),
                Work("member1", applied: true, DeploymentStatus(ready: 1), WorkV1Alpha1.ResourceHealth.Unhealthy),
            ],
            DeploymentRef());

        Assert.Equal(["member1", "member2"], items.Select(i => i.ClusterName));
        Assert.True(items[0].Applied);
        Assert.Equal(WorkV1Alpha2.ResourceHealth.Unhealthy, items[0].Health);
        Assert.Equal(1, (long)items[0].Status!["readyReplicas"]!);
        Assert.Equal(WorkV1Alpha2.ResourceHealth.Healthy, items[1].Health);
        Assert.Equal(2, (long)items[1].Status!["readyReplicas"]!);
        Assert.Null(items[0].AppliedMessage);
    }

    [Fact]
    public void Assemble_FailedWork_ReportsMessageAndUnknownHealthWithoutStatus()
    {
        var item = Assert.Single(WorkStatusAssembler.Assemble(
            [Work("member1", applied: false, DeploymentStatus(ready: 1), WorkV1Alpha1.ResourceHealth.Healthy, message: "quota exceeded")],
            DeploymentRef()));

        Assert.False(item.Applied);
        Assert.Equal("quota exceeded", item.AppliedMessage);
        Assert.Equal(WorkV1Alpha2.ResourceHealth.Unknown, item.Health);
        Assert.Null(item.Status);
    }

    [Fact]
    public void Assemble_WorkWithoutAppliedCondition_IsNotApplied()
    {
        var item = Assert.Single(WorkStatusAssembler.Assemble([Work("member1", applied: null)], DeploymentRef()));
        Assert.False(item.Applied);
        Assert.Equal(WorkV1Alpha2.ResourceHealth.Unknown, item.Health);
    }

    [Fact]
    public void Assemble_AppliedWithoutCollectedStatus_IsAppliedWithUnknownHealth()
    {
        var item = Assert.Single(WorkStatusAssembler.Assemble([Work("member1", applied: true)], DeploymentRef()));
        Assert.True(item.Applied);
        Assert.Equal(WorkV1Alpha2.ResourceHealth.Unknown, item.Health);
        Assert.Null(item.Status);
    }

    [Fact]
    public void Assemble_ManifestStatusOfAnotherOrdinal_IsIgnored()
    {
        var work = Work("member1", applied: true, DeploymentStatus(ready: 1), WorkV1Alpha1.ResourceHealth.Healthy);
        work.Status.ManifestStatuses[0].Identifier.Ordinal = 0;
        var item = Assert.Single(WorkStatusAssembler.Assemble([work], DeploymentRef()));
        Assert.Null(item.Status);
        Assert.Equal(WorkV1Alpha2.ResourceHealth.Unknown, item.Health);
    }

    [Fact]
    public void Assemble_DeletingWork_IsSkipped()
    {
        var deleting = Work("member1", applied: true);
        deleting.Metadata.DeletionTimestamp = DateTimeOffset.UnixEpoch;
        Assert.Empty(WorkStatusAssembler.Assemble([deleting], DeploymentRef()));
    }

    [Fact]
    public void Assemble_WorkWithoutTheTemplate_Throws() =>
        Assert.Throws<InvalidOperationException>(() => WorkStatusAssembler.Assemble([Work("member1", applied: true)], DeploymentRef(name: "other")));

    [Fact]
    public void Assemble_WorkOutsideExecutionNamespace_Throws()
    {
        var work = Work("member1", applied: true);
        work.Metadata.Namespace = "apps";
        Assert.Throws<InvalidOperationException>(() => WorkStatusAssembler.Assemble([work], DeploymentRef()));
    }
}
