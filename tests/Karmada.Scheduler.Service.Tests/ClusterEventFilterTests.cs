using Karmada.Api.Cluster.V1Alpha1;
using Karmada.Api.Core;
using Karmada.Api.Meta;
using Karmada.Api.Policy.V1Alpha1;

namespace Karmada.Scheduler.Service.Tests;

public sealed class ClusterEventFilterTests
{
    [Fact]
    public void ResourceSummaryChurnDoesNotRequeueBindings()
    {
        var old = TestObjects.ReadyCluster("member1", pods: 10);
        var updated = TestObjects.ReadyCluster("member1", pods: 20);
        updated.Metadata.ResourceVersion = "2";

        Assert.False(ClusterEventFilter.AffectsScheduling(old, updated));
    }

    [Fact]
    public void ReadinessLabelsGenerationAndDeletionRequeueBindings()
    {
        var old = TestObjects.ReadyCluster("member1");

        var notReady = TestObjects.ReadyCluster("member1");
        notReady.Status.Conditions[0].Status = ConditionStatus.False;
        Assert.True(ClusterEventFilter.AffectsScheduling(old, notReady));

        var relabelled = TestObjects.ReadyCluster("member1", labels: new Dictionary<string, string> { ["env"] = "prod" });
        Assert.True(ClusterEventFilter.AffectsScheduling(old, relabelled));

        var tainted = TestObjects.ReadyCluster("member1");
        tainted.Metadata.Generation = 2;
        tainted.Spec.Taints.Add(new Api.Core.Taint { Key = "cluster.karmada.io/not-ready", Effect = TaintEffect.NoSchedule });
        Assert.True(ClusterEventFilter.AffectsScheduling(old, tainted));

        var deleting = TestObjects.ReadyCluster("member1");
        deleting.Metadata.DeletionTimestamp = DateTimeOffset.UnixEpoch;
        Assert.True(ClusterEventFilter.AffectsScheduling(old, deleting));

        var moreApis = TestObjects.ReadyCluster("member1");
        moreApis.Status.ApiEnablements.Add(new APIEnablement { GroupVersion = "v1", Resources = [new APIResource { Name = "services", Kind = "Service" }] });
        Assert.True(ClusterEventFilter.AffectsScheduling(old, moreApis));
    }

    [Fact]
    public void BindingsWhoseAffinityMatchesTheClusterAreAffected()
    {
        var member1 = TestObjects.ReadyCluster("member1");
        var onMember1 = TestObjects.Binding("a", 1, TestObjects.Duplicated("member1"));
        var onMember2 = TestObjects.Binding("b", 1, TestObjects.Duplicated("member2"));
        var anywhere = TestObjects.Binding("c", 1, TestObjects.Duplicated());

        Assert.True(ClusterEventFilter.AffectsBinding(onMember1.Metadata, onMember1.Spec, onMember1.Status, member1));
        Assert.False(ClusterEventFilter.AffectsBinding(onMember2.Metadata, onMember2.Spec, onMember2.Status, member1));
        Assert.True(ClusterEventFilter.AffectsBinding(anywhere.Metadata, anywhere.Spec, anywhere.Status, member1));
    }

    [Fact]
    public void WithClusterAffinitiesTheObservedTermDecides()
    {
        var member2 = TestObjects.ReadyCluster("member2");
        var binding = TestObjects.Binding("a", 1, new Placement
        {
            ClusterAffinities =
            [
                new ClusterAffinityTerm { AffinityName = "primary", ClusterNames = ["member1"] },
                new ClusterAffinityTerm { AffinityName = "backup", ClusterNames = ["member2"] },
            ],
        });
        binding.Status.SchedulerObservedGeneration = binding.Metadata.Generation;

        binding.Status.SchedulerObservedAffinityName = "primary";
        Assert.False(ClusterEventFilter.AffectsBinding(binding.Metadata, binding.Spec, binding.Status, member2));

        binding.Status.SchedulerObservedAffinityName = "backup";
        Assert.True(ClusterEventFilter.AffectsBinding(binding.Metadata, binding.Spec, binding.Status, member2));

        // Not yet observed at this generation: the term may still change, so every cluster matters.
        binding.Status.SchedulerObservedAffinityName = "primary";
        binding.Metadata.Generation = 2;
        Assert.True(ClusterEventFilter.AffectsBinding(binding.Metadata, binding.Spec, binding.Status, member2));
    }
}
