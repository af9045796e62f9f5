using Karmada.Api;
using Karmada.Controllers.Execution;
using WorkV1Alpha1 = Karmada.Api.Work.V1Alpha1;

namespace Karmada.Controllers.Tests.Execution;

public sealed class WorkReconcilerHostedServiceTests
{
    [Fact]
    public void SpecOrLifecycleChanged_IgnoresStatusOnlyWrites()
    {
        var old = new WorkV1Alpha1.Work { Metadata = { Name = "w", Generation = 1 } };
        var statusOnly = old.DeepClone();
        statusOnly.Status.Conditions.Add(new Api.Meta.Condition { Type = "Applied", Status = Api.Meta.ConditionStatus.True });
        Assert.False(WorkReconcilerHostedService.SpecOrLifecycleChanged(old, statusOnly));

        var respecced = old.DeepClone();
        respecced.Metadata.Generation = 2;
        Assert.True(WorkReconcilerHostedService.SpecOrLifecycleChanged(old, respecced));

        var deleting = old.DeepClone();
        deleting.Metadata.DeletionTimestamp = DateTimeOffset.UnixEpoch;
        Assert.True(WorkReconcilerHostedService.SpecOrLifecycleChanged(old, deleting));

        var otherFinalizer = old.DeepClone();
        otherFinalizer.Metadata.Finalizers.Add("example.io/other");
        Assert.True(WorkReconcilerHostedService.SpecOrLifecycleChanged(old, otherFinalizer));
    }

    [Fact]
    public void SpecOrLifecycleChanged_IgnoresTheExecutionControllerAddingItsFinalizer_NotItsRemoval()
    {
        var old = new WorkV1Alpha1.Work { Metadata = { Name = "w", Generation = 1, Finalizers = ["example.io/other"] } };
        var finalized = old.DeepClone();
        finalized.Metadata.Finalizers.Add("karmada.io/execution-controller");
        Assert.False(WorkReconcilerHostedService.SpecOrLifecycleChanged(old, finalized));

        // Someone removing it must wake the controller, which puts it back.
        Assert.True(WorkReconcilerHostedService.SpecOrLifecycleChanged(finalized, old));

        var finalizedAndMore = finalized.DeepClone();
        finalizedAndMore.Metadata.Finalizers.Add("example.io/third");
        Assert.True(WorkReconcilerHostedService.SpecOrLifecycleChanged(old, finalizedAndMore));
    }
}
