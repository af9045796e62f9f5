using System.Text.Json.Nodes;
using Karmada.Api.Policy.V1Alpha1;
using Karmada.Api.WellKnown;
using Karmada.Api.Work.V1Alpha2;
using Karmada.Controllers.Detector;
using Karmada.Interpreter;
using static Karmada.Controllers.Tests.Detector.DetectorTestObjects;
using BindingSuspension = Karmada.Api.Work.V1Alpha2.Suspension;

namespace Karmada.Controllers.Tests.Detector;

public sealed class BindingBuilderTests
{
    private static JsonObject StoredDeployment()
    {
        var deployment = Deployment("apps", "nginx", replicas: 3);
        deployment["metadata"]!["uid"] = "uid-1";
        deployment["metadata"]!["resourceVersion"] = "17";
        return deployment;
    }

    [Fact]
    public void Build_NamespacedTemplate_ResourceBindingOwnedByTheTemplate()
    {
        var policy = PropagationPolicy("apps", "pp", id: "pp-1", clusters: ["member1"]);
        policy.Spec.PropagateDeps = true;
        policy.Spec.ConflictResolution = ConflictResolution.Overwrite;
        policy.Spec.SchedulerName = "default-scheduler";
        policy.Spec.PreserveResourcesOnDeletion = true;
        var template = StoredDeployment();
        var replicas = ResourceInterpreter.CreateDefault().GetReplicas(template);

        var desired = BindingBuilder.Build(template, PolicyReference.Of(policy), policy.Spec, replicas, 1000);

        Assert.False(desired.IsCluster);
        Assert.Equal("nginx-deployment", desired.Metadata.Name);
        Assert.Equal("apps", desired.Metadata.Namespace);
        var owner = Assert.Single(desired.Metadata.OwnerReferences);
        Assert.Equal(("apps/v1", "Deployment", "nginx", "uid-1", true, true), (owner.ApiVersion, owner.Kind, owner.Name, owner.Uid, owner.Controller, owner.BlockOwnerDeletion));
        Assert.Equal([WellKnownFinalizers.BindingController], desired.Metadata.Finalizers);
        Assert.Equal("pp-1", desired.Metadata.Labels[WellKnownLabels.PropagationPolicyPermanentId]);
        Assert.Equal("pp", desired.Metadata.Annotations[WellKnownAnnotations.PropagationPolicyName]);
        Assert.Equal(("apps/v1", "Deployment", "apps", "nginx", "uid-1", "17"), (desired.Spec.Resource.ApiVersion, desired.Spec.Resource.Kind, desired.Spec.Resource.Namespace, desired.Spec.Resource.Name, desired.Spec.Resource.Uid, desired.Spec.Resource.ResourceVersion));
        Assert.Equal(3, desired.Spec.Replicas);
        Assert.Equal("100m", desired.Spec.ReplicaRequirements!.ResourceRequest["cpu"].ToString());
        Assert.Equal(["member1"], desired.Spec.Placement!.ClusterAffinity!.ClusterNames);
        Assert.True(desired.Spec.PropagateDeps);
        Assert.Equal(ConflictResolution.Overwrite, desired.Spec.ConflictResolution);
        Assert.Equal("default-scheduler", desired.Spec.SchedulerName);
        Assert.True(desired.Spec.PreserveResourcesOnDeletion);
        Assert.Equal(1000, desired.Spec.SchedulePriority!.Priority);
        Assert.Empty(desired.Spec.Clusters);
    }

    [Fact]
    public void Build_ClusterScopedTemplate_ClusterResourceBindingWithoutSchedulePriority()
    {
        var role = new JsonObject
        {
            ["apiVersion"] = "rbac.authorization.k8s.io/v1",
            ["kind"] = "ClusterRole",
            ["metadata"] = new JsonObject { ["name"] = "system:reader", ["uid"] = "uid-2" },
        };
        var policy = ClusterPropagationPolicy("cpp", "rbac.authorization.k8s.io/v1", "ClusterRole", id: "cpp-1");

        var desired = BindingBuilder.Build(role, PolicyReference.Of(policy), policy.Spec, null, 5);

        Assert.True(desired.IsCluster);
        Assert.Null(desired.Metadata.Namespace);
        Assert.Equal("system.reader-clusterrole", desired.Metadata.Name);
        Assert.Equal([WellKnownFinalizers.ClusterResourceBindingController], desired.Metadata.Finalizers);
        Assert.Equal("cpp-1", desired.Metadata.Labels[WellKnownLabels.ClusterPropagationPolicyPermanentId]);
        Assert.Equal("cpp", desired.Metadata.Annotations[WellKnownAnnotations.ClusterPropagationPolicyName]);
        Assert.Null(desired.Spec.Resource.Namespace);
        Assert.Equal(0, desired.Spec.Replicas);
        Assert.Null(desired.Spec.ReplicaRequirements);
        Assert.Null(desired.Spec.SchedulePriority);
    }

    [Fact]
    public void MergeInto_KeepsSchedulerResultsAndForeignMetadata()
    {
        var policy = PropagationPolicy("apps", "pp", id: "pp-1", clusters: ["member2"]);
        policy.Spec.Suspension = new Karmada.Api.Policy.V1Alpha1.Suspension { Dispatching = true };
        var desired = BindingBuilder.Build(StoredDeployment(), PolicyReference.Of(policy), policy.Spec, new ReplicaResult(5, null), null);
        var existing = new ResourceBinding();
        existing.Metadata.Labels[WellKnownLabels.ResourceBindingPermanentId] = "rb-1";
        existing.Metadata.Labels[WellKnownLabels.ClusterPropagationPolicyPermanentId] = "old-cpp";
        existing.Metadata.Finalizers.Add("other/finalizer");
        existing.Spec.Clusters = [new TargetCluster { Name = "member1", Replicas = 2 }];
        existing.Spec.RequiredBy = [new BindingSnapshot { Namespace = "apps", Name = "parent" }];
        existing.Spec.Replicas = 2;
        existing.Spec.Suspension = new BindingSuspension { Scheduling = true };

        BindingBuilder.MergeInto(existing.Metadata, existing.Spec, desired);

        Assert.Equal("member1", Assert.Single(existing.Spec.Clusters).Name);
        Assert.Single(existing.Spec.RequiredBy);
        Assert.Equal(5, existing.Spec.Replicas);
        Assert.Equal(["member2"], existing.Spec.Placement!.ClusterAffinity!.ClusterNames);
        Assert.Equal("rb-1", existing.Metadata.Labels[WellKnownLabels.ResourceBindingPermanentId]);
        Assert.False(existing.Metadata.Labels.ContainsKey(WellKnownLabels.ClusterPropagationPolicyPermanentId));
        Assert.Equal(["other/finalizer", WellKnownFinalizers.BindingController], existing.Metadata.Finalizers);
        Assert.True(existing.Spec.Suspension!.Scheduling);
        Assert.True(existing.Spec.Suspension.Dispatching);
    }

    [Fact]
    public void MergeSuspension_FollowsUpstream()
    {
        Assert.Null(BindingBuilder.MergeSuspension(null, null));
        Assert.Null(BindingBuilder.MergeSuspension(new BindingSuspension { Dispatching = true }, null));

        var kept = BindingBuilder.MergeSuspension(new BindingSuspension { Dispatching = true, Scheduling = false }, null);
        Assert.Equal((null, false), (kept!.Dispatching, kept.Scheduling));

        var merged = BindingBuilder.MergeSuspension(new BindingSuspension { Scheduling = true }, new Karmada.Api.Policy.V1Alpha1.Suspension { Dispatching = false });
        Assert.Equal((false, true), (merged!.Dispatching, merged.Scheduling));
    }
}
