using System.Text.Json.Nodes;
using Karmada.Api;
using Karmada.Api.Meta;
using Karmada.Controllers.BindingStatus;
using static Karmada.Controllers.Tests.BindingStatus.BindingStatusTestObjects;
using WorkV1Alpha2 = Karmada.Api.Work.V1Alpha2;

namespace Karmada.Controllers.Tests.BindingStatus;

public sealed class BindingStatusEventsTests
{
    private static WorkV1Alpha2.ResourceBinding Binding(bool scheduled, long generation = 1, string templateVersion = "10")
    {
        var binding = new WorkV1Alpha2.ResourceBinding { Spec = Spec("member1") };
        binding.Metadata.Namespace = "apps";
        binding.Metadata.Name = "web-deployment";
        binding.Metadata.Generation = generation;
        binding.Spec.Resource.ResourceVersion = templateVersion;
        binding.Status.LastScheduledTime = scheduled ? DateTimeOffset.UnixEpoch : null;
        return binding;
    }

    [Fact]
    public void BindingNeedsSync_NotScheduled_IsFalse() =>
        Assert.False(BindingStatusControllers.BindingNeedsSync(BindingKinds.ResourceBinding, Binding(false), Binding(false, generation: 2)));

    [Fact]
    public void BindingNeedsSync_JustScheduled_IsTrue() =>
        Assert.True(BindingStatusControllers.BindingNeedsSync(BindingKinds.ResourceBinding, Binding(false), Binding(true)));

    [Fact]
    public void BindingNeedsSync_SpecOrTemplateChanged_IsTrue()
    {
        Assert.True(BindingStatusControllers.BindingNeedsSync(BindingKinds.ResourceBinding, Binding(true), Binding(true, generation: 2)));
        Assert.True(BindingStatusControllers.BindingNeedsSync(BindingKinds.ResourceBinding, Binding(true), Binding(true, templateVersion: "11")));
    }

    [Fact]
    public void BindingNeedsSync_OwnStatusWrite_IsFalse()
    {
        var written = Binding(true);
        written.Status.AggregatedStatus.Add(new WorkV1Alpha2.AggregatedStatusItem { ClusterName = "member1", Applied = true });
        Assert.False(BindingStatusControllers.BindingNeedsSync(BindingKinds.ResourceBinding, Binding(true), written));
    }

    [Fact]
    public void WorkStatusChanged_OnlyForStatus()
    {
        var work = Work("member1", applied: true, DeploymentStatus(ready: 1));
        var relabelled = work.DeepClone();
        relabelled.Metadata.Labels["x"] = "y";
        var progressed = work.DeepClone();
        progressed.Status.ManifestStatuses[0].Status = new JsonObject { ["readyReplicas"] = 2 };
        var failed = work.DeepClone();
        failed.Status.Conditions[0].Status = ConditionStatus.False;

        Assert.False(BindingStatusControllers.WorkStatusChanged(work, relabelled));
        Assert.True(BindingStatusControllers.WorkStatusChanged(work, progressed));
        Assert.True(BindingStatusControllers.WorkStatusChanged(work, failed));
    }

    [Fact]
    public void BindingOfWork_FollowsTheBindingAnnotations()
    {
        var work = Work("member1", applied: true);
        Assert.Null(BindingKinds.ResourceBinding.BindingOfWork(work));
        work.Metadata.Annotations["resourcebinding.karmada.io/namespace"] = "apps";
        work.Metadata.Annotations["resourcebinding.karmada.io/name"] = "web-deployment";
        Assert.Equal(new Karmada.Client.ObjectKey("apps", "web-deployment"), BindingKinds.ResourceBinding.BindingOfWork(work));
        Assert.Null(BindingKinds.ClusterResourceBinding.BindingOfWork(work));
        work.Metadata.Annotations["clusterresourcebinding.karmada.io/name"] = "team";
        Assert.Equal(new Karmada.Client.ObjectKey(null, "team"), BindingKinds.ClusterResourceBinding.BindingOfWork(work));
    }
}
