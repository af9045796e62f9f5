using System.Text.Json.Nodes;
using Karmada.Api.Meta;
using Karmada.Api.Work.V1Alpha2;
using Karmada.Client;
using Karmada.Client.Informers;
using Karmada.Controllers.Binding;
using Karmada.Controllers.Detector;
using Karmada.Controllers.Execution;
using Karmada.Controllers.Tests.Detector;
using Karmada.Controllers.Tests.Execution;
using Microsoft.Extensions.Time.Testing;

namespace Karmada.Controllers.Tests.Propagation;

/// <summary>The decisions that spare the controllers a reconcile or a request that could change nothing.</summary>
public sealed class RedundantWorkFilterTests
{
    [Fact]
    public void OnlyClaimAdded_IsTheDetectorsOwnClaim_AnyOtherChangeIsNot()
    {
        var unclaimed = DetectorTestObjects.Deployment("apps", "web");
        var claimed = Claim((JsonObject)unclaimed.DeepClone());
        claimed["metadata"]!["resourceVersion"] = "8";
        Assert.True(TemplateEventFilter.SpecificationChanged(unclaimed, claimed));
        Assert.True(TemplateEventFilter.OnlyClaimAdded(unclaimed, claimed));

        // A claim that also brought the first label map in, as on a template with no labels at all.
        var bare = DetectorTestObjects.Deployment("apps", "web");
        bare["metadata"]!.AsObject().Remove("labels");
        Assert.True(TemplateEventFilter.OnlyClaimAdded(bare, Claim((JsonObject)bare.DeepClone())));

        var claimedAndScaled = (JsonObject)claimed.DeepClone();
        claimedAndScaled["spec"]!["replicas"] = 5;
        Assert.False(TemplateEventFilter.OnlyClaimAdded(unclaimed, claimedAndScaled));

        var claimedAndRelabelled = (JsonObject)claimed.DeepClone();
        claimedAndRelabelled["metadata"]!["labels"]!["tier"] = "web";
        Assert.False(TemplateEventFilter.OnlyClaimAdded(unclaimed, claimedAndRelabelled));

        // A claim removed, or one claim replaced by another, is the detector's business.
        Assert.False(TemplateEventFilter.OnlyClaimAdded(claimed, unclaimed));
        var reclaimed = (JsonObject)claimed.DeepClone();
        reclaimed["metadata"]!["labels"]!["propagationpolicy.karmada.io/permanent-id"] = "other";
        Assert.False(TemplateEventFilter.OnlyClaimAdded(claimed, reclaimed));
    }

    [Fact]
    public void ManagedMetadataChanged_OnlyForKeysKarmadaManages()
    {
        var applied = ManifestApplyPlannerTests.Deployment(2);
        applied["metadata"]!["annotations"]!["resourcetemplate.karmada.io/managed-annotations"] = "resourcetemplate.karmada.io/generation,resourcetemplate.karmada.io/managed-annotations,resourcetemplate.karmada.io/managed-labels,work.karmada.io/name,work.karmada.io/namespace";
        applied["metadata"]!["annotations"]!["resourcetemplate.karmada.io/managed-labels"] = "app,karmada.io/managed";

        // The member's Deployment controller records its revision: not drift, retained by every apply.
        var revised = (JsonObject)applied.DeepClone();
        revised["metadata"]!["annotations"]!["deployment.kubernetes.io/revision"] = "1";
        Assert.False(ExecutionController.ManagedMetadataChanged(applied, revised));
        var memberLabel = (JsonObject)applied.DeepClone();
        memberLabel["metadata"]!["labels"]!["pod-template-hash"] = "abc";
        Assert.False(ExecutionController.ManagedMetadataChanged(applied, memberLabel));

        // A managed key edited or removed in the member, or the managed set itself changed: drift.
        var relabelled = (JsonObject)applied.DeepClone();
        relabelled["metadata"]!["labels"]!["app"] = "x";
        Assert.True(ExecutionController.ManagedMetadataChanged(applied, relabelled));
        var unmarked = (JsonObject)applied.DeepClone();
        unmarked["metadata"]!["annotations"]!.AsObject().Remove("work.karmada.io/name");
        Assert.True(ExecutionController.ManagedMetadataChanged(applied, unmarked));
        var listChanged = (JsonObject)applied.DeepClone();
        listChanged["metadata"]!["annotations"]!["resourcetemplate.karmada.io/managed-labels"] = "app";
        Assert.True(ExecutionController.ManagedMetadataChanged(applied, listChanged));

        // Without the managed-key lists every change counts, as before.
        var unlisted = ManifestApplyPlannerTests.Deployment(2);
        var unlistedRevised = (JsonObject)unlisted.DeepClone();
        unlistedRevised["metadata"]!["annotations"]!["deployment.kubernetes.io/revision"] = "1";
        Assert.True(ExecutionController.ManagedMetadataChanged(unlisted, unlistedRevised));
        Assert.False(ExecutionController.ManagedMetadataChanged(unlisted, (JsonObject)unlisted.DeepClone()));
    }

    [Fact]
    public void RequiredByChange_OnlyWhenNoTargetMoves()
    {
        var old = AttachedSpec(("default", "a", ["m1", "m2"]));
        var sameClusters = AttachedSpec(("default", "a", ["m1", "m2"]), ("default", "b", ["m2", "m1"]));
        Assert.True(RequiredByChange.ChangesNoTarget(old, sameClusters));
        Assert.True(RequiredByChange.ChangesNoTarget(sameClusters, old));

        // A dependent on a new cluster, or any other field changing beside the list, needs a sync.
        Assert.False(RequiredByChange.ChangesNoTarget(old, AttachedSpec(("default", "a", ["m1", "m2"]), ("default", "b", ["m3"]))));
        var alsoOverwrite = AttachedSpec(("default", "a", ["m1", "m2"]), ("default", "b", ["m1"]));
        alsoOverwrite.ConflictResolution = Api.Policy.V1Alpha1.ConflictResolution.Overwrite;
        Assert.False(RequiredByChange.ChangesNoTarget(old, alsoOverwrite));
        Assert.False(RequiredByChange.ChangesNoTarget(new ResourceBindingSpec { Replicas = 1 }, new ResourceBindingSpec { Replicas = 2 }));

        // The binding controller and the binding status controller let exactly those changes pass.
        var (oldMeta, newMeta) = (new ObjectMeta { Generation = 1 }, new ObjectMeta { Generation = 2 });
        Assert.True(BindingEventSources.OnlyRequiredByChanged(oldMeta, newMeta, old, sameClusters));
        Assert.False(BindingEventSources.OnlyRequiredByChanged(oldMeta, new ObjectMeta { Generation = 2, DeletionTimestamp = DateTimeOffset.UtcNow }, old, sameClusters));
        Assert.False(BindingEventSources.OnlyRequiredByChanged(oldMeta, oldMeta, old, sameClusters));
    }

    [Fact]
    public void MutationCache_StandsInUntilTheInformerShowsThatVersion_OrTheMemoryRunsOut()
    {
        var time = new FakeTimeProvider();
        var recent = new MutationCache<ObjectMeta>(m => m.ResourceVersion, timeProvider: time, memory: TimeSpan.FromSeconds(5));
        var key = new ObjectKey("ns", "a");
        Assert.Null(recent.Resolve(key, null));

        var written = new ObjectMeta { Name = "a", ResourceVersion = "2" };
        recent.Record(key, written);
        Assert.Same(written, recent.Resolve(key, null));
        var older = new ObjectMeta { Name = "a", ResourceVersion = "1" };
        Assert.Same(written, recent.Resolve(key, older));

        // The informer caught up: its copy from then on, even when a later version arrives.
        var delivered = new ObjectMeta { Name = "a", ResourceVersion = "2" };
        Assert.Same(delivered, recent.Resolve(key, delivered));
        var later = new ObjectMeta { Name = "a", ResourceVersion = "3" };
        Assert.Same(later, recent.Resolve(key, later));

        // Someone else wrote after this controller (a status write) and the informer shows that: the cache wins.
        recent.Record(key, written);
        Assert.Same(later, recent.Resolve(key, later));
        Assert.Same(older, recent.Resolve(key, older));

        // Versions that are not numbers are opaque: only the very version written is recognised, the cache wins.
        recent.Record(key, new ObjectMeta { Name = "a", ResourceVersion = "x2" });
        var opaque = new ObjectMeta { Name = "a", ResourceVersion = "x1" };
        Assert.Same(opaque, recent.Resolve(key, opaque));

        recent.Record(key, written);
        time.Advance(TimeSpan.FromSeconds(5));
        Assert.Same(older, recent.Resolve(key, older));
        Assert.Null(recent.Resolve(key, null));

        recent.Record(key, written);
        recent.Forget(key);
        Assert.Null(recent.Resolve(key, null));
    }

    private static JsonObject Claim(JsonObject template)
    {
        var metadata = template["metadata"]!.AsObject();
        var labels = metadata["labels"] as JsonObject ?? [];
        labels["propagationpolicy.karmada.io/permanent-id"] = "pp-id";
        metadata["labels"] = labels;
        metadata["annotations"] = new JsonObject
        {
            ["propagationpolicy.karmada.io/namespace"] = "apps",
            ["propagationpolicy.karmada.io/name"] = "web",
        };
        return template;
    }

    private static ResourceBindingSpec AttachedSpec(params (string Namespace, string Name, string[] Clusters)[] requiredBy)
    {
        var spec = new ResourceBindingSpec { Resource = new ObjectReference { ApiVersion = "v1", Kind = "ConfigMap", Namespace = "default", Name = "shared" } };
        foreach (var (ns, name, clusters) in requiredBy)
        {
            spec.RequiredBy.Add(new BindingSnapshot { Namespace = ns, Name = name, Clusters = [.. clusters.Select(c => new TargetCluster { Name = c, Replicas = 1 })] });
        }

        return spec;
    }
}
