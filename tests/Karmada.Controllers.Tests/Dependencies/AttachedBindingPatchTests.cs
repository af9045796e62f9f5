using System.Text.Json.Nodes;
using Karmada.Api;
using Karmada.Api.Policy.V1Alpha1;
using Karmada.Api.WellKnown;
using Karmada.Api.Work.V1Alpha2;
using Karmada.Controllers.Dependencies;
using Karmada.Patching;
using Karmada.Patching.Json;
using static Karmada.Controllers.Tests.Dependencies.AttachedBindingFixtures;

namespace Karmada.Controllers.Tests.Dependencies;

/// <summary>
/// The attached-binding patches applied with the API server's own JSON patch: the result is what a read-modify-write
/// with <see cref="AttachedBindings.Merge"/> would have stored, and a patch computed from a stale copy fails its guard
/// rather than duplicating or misplacing an entry.
/// </summary>
public sealed class AttachedBindingPatchTests
{
    private static ResourceBinding Stored(ResourceBinding binding)
    {
        var stored = binding.DeepClone();
        stored.Metadata.Labels[WellKnownLabels.ResourceBindingPermanentId] = "attached-id";
        return stored;
    }

    private static ResourceBinding Apply(ResourceBinding stored, JsonArray patch) =>
        KarmadaJson.Deserialize<ResourceBinding>(JsonPatch.Apply(KarmadaJson.SerializeToNode(stored), patch)!);

    private static ResourceBinding Merged(ResourceBinding stored, ResourceBinding independent)
    {
        var merged = stored.DeepClone();
        AttachedBindings.Merge(merged, ConfigMap(), independent);
        return merged;
    }

    [Fact]
    public void Attach_NewReferrer_AppendsItsEntryAndLabelOnly()
    {
        var stored = Stored(AttachedBindings.Build(ConfigMap(), Independent("web-deployment", "member1")));
        var api = Independent("api-deployment", "member2", "member3");

        var patch = AttachedBindingPatch.Attach(stored, ConfigMap(), api);

        Assert.NotNull(patch);
        Assert.DoesNotContain(patch, op => (string?)op!["path"] == "/spec/requiredBy" && (string?)op["op"] != "test");
        Assert.Equal(KarmadaJson.Serialize(Merged(stored, api)), KarmadaJson.Serialize(Apply(stored, patch)));
    }

    [Fact]
    public void Attach_Rescheduled_ReplacesItsClustersInPlace()
    {
        var stored = Stored(AttachedBindings.Build(ConfigMap(), Independent("web-deployment", "member1")));
        AttachedBindings.Merge(stored, ConfigMap(), Independent("api-deployment", "member3"));
        var moved = Independent("web-deployment", "member4");

        var patch = AttachedBindingPatch.Attach(stored, ConfigMap(), moved);

        Assert.NotNull(patch);
        var result = Apply(stored, patch);
        Assert.Equal(KarmadaJson.Serialize(Merged(stored, moved)), KarmadaJson.Serialize(result));
        Assert.Equal(["member4"], result.Spec.RequiredBy[0].Clusters.Select(c => c.Name));
    }

    [Fact]
    public void Attach_AlreadyRecorded_NoPatch()
    {
        var web = Independent("web-deployment", "member1");
        var stored = Stored(AttachedBindings.Build(ConfigMap(), web));

        Assert.Null(AttachedBindingPatch.Attach(stored, ConfigMap(), web));
    }

    [Fact]
    public void Attach_EmptyList_CreatesItGuardedAgainstAConcurrentFirstEntry()
    {
        var own = new ResourceBinding();
        own.Metadata.Namespace = "apps";
        own.Metadata.Name = "cfg-configmap";
        own.Metadata.Labels[WellKnownLabels.ResourceBindingPermanentId] = "own-id";
        own.Spec.Placement = new Placement();
        var web = Independent("web-deployment", "member1");
        var patch = AttachedBindingPatch.Attach(own, ConfigMap(), web)!;

        var result = Apply(own, patch);
        Assert.Equal(["web-deployment"], result.Spec.RequiredBy.Select(s => s.Name));
        Assert.Null(result.Spec.Resource.Uid);

        // Someone else's first entry landed after our read: our copy is stale and the guard refuses.
        var raced = own.DeepClone();
        AttachedBindings.Merge(raced, ConfigMap(), Independent("api-deployment", "member2"));
        Assert.Throws<PatchException>(() => Apply(raced, patch));
    }

    [Fact]
    public void Attach_FromACopyThatMissesOurOwnEarlierEntry_FailsInsteadOfDuplicating()
    {
        var staleCopy = Stored(AttachedBindings.Build(ConfigMap(), Independent("api-deployment", "member3")));
        var stored = staleCopy.DeepClone();
        AttachedBindings.Merge(stored, ConfigMap(), Independent("web-deployment", "member1"));

        var patch = AttachedBindingPatch.Attach(staleCopy, ConfigMap(), Independent("web-deployment", "member2"))!;

        Assert.Throws<PatchException>(() => Apply(stored, patch));
    }

    [Fact]
    public void Attach_SharedFields_OverwriteAndPreserveWinAndResourceFollowsTheDependency()
    {
        var stored = Stored(AttachedBindings.Build(ConfigMap(), Independent("web-deployment", "member1")));
        var api = Independent("api-deployment", "member2");
        api.Spec.ConflictResolution = ConflictResolution.Overwrite;
        api.Spec.PreserveResourcesOnDeletion = true;
        var changedConfigMap = (JsonObject)ConfigMap().DeepClone();
        changedConfigMap["metadata"]!["resourceVersion"] = "8";

        var result = Apply(stored, AttachedBindingPatch.Attach(stored, changedConfigMap, api)!);

        Assert.Equal(ConflictResolution.Overwrite, result.Spec.ConflictResolution);
        Assert.True(result.Spec.PreserveResourcesOnDeletion);
        Assert.Equal("8", result.Spec.Resource.ResourceVersion);
    }

    [Fact]
    public void AttachBatch_StoresWhatMergingEachInTurnWould()
    {
        var stored = Stored(AttachedBindings.Build(ConfigMap(), Independent("web-deployment", "member1")));
        var moved = Independent("web-deployment", "member4");
        var api = Independent("api-deployment", "member2", "member3");
        var db = Independent("db-deployment", "member1");
        db.Spec.ConflictResolution = ConflictResolution.Overwrite;
        AttachRequest[] batch = [new(ConfigMap(), api), new(ConfigMap(), moved), new(ConfigMap(), db)];

        var patch = AttachedBindingPatch.Attach(stored, batch)!;

        var merged = stored.DeepClone();
        foreach (var request in batch)
        {
            AttachedBindings.Merge(merged, request.Dependency, request.Independent);
        }

        Assert.Equal(KarmadaJson.Serialize(merged), KarmadaJson.Serialize(Apply(stored, patch)));
        Assert.Null(AttachedBindingPatch.Attach(merged, batch));
    }

    [Fact]
    public void AttachBatch_LeavesTheCachedBindingAlone_AndStoresWhatMergingEachInTurnWould()
    {
        var stored = Stored(AttachedBindings.Build(ConfigMap(), Independent("web-deployment", "member1")));
        AttachedBindings.Merge(stored, ConfigMap(), Independent("api-deployment", "member2"));
        // A label without its entry (edited by hand): that referrer's add is guarded on the whole list.
        stored.Metadata.Labels[AttachedBindings.DependedByLabel("apps", "db-deployment")] = "stale-id";
        var changedConfigMap = (JsonObject)ConfigMap().DeepClone();
        changedConfigMap["metadata"]!["resourceVersion"] = "9";
        var preserving = Independent("db-deployment", "member3");
        preserving.Spec.PreserveResourcesOnDeletion = true;
        var overwriting = Independent("api-deployment", "member4");
        overwriting.Spec.ConflictResolution = ConflictResolution.Overwrite;
        AttachRequest[] batch =
        [
            new(changedConfigMap, preserving),
            new(changedConfigMap, Independent("web-deployment", "member1")),
            new(changedConfigMap, overwriting),
            new(changedConfigMap, Independent("cache-deployment", "member1", "member2")),
        ];
        var cached = KarmadaJson.Serialize(stored);

        var patch = AttachedBindingPatch.Attach(stored, batch)!;

        Assert.Equal(cached, KarmadaJson.Serialize(stored));
        var merged = stored.DeepClone();
        foreach (var request in batch)
        {
            AttachedBindings.Merge(merged, request.Dependency, request.Independent);
        }

        Assert.Equal(KarmadaJson.Serialize(merged), KarmadaJson.Serialize(Apply(stored, patch)));
        Assert.Null(AttachedBindingPatch.Attach(merged, batch));
    }

    [Fact]
    public void AttachBatch_OntoABindingOfItsOwnPolicy_RecordsOnlyTheRequirements()
    {
        var own = new ResourceBinding();
        own.Metadata.Namespace = "apps";
        own.Metadata.Name = "cfg-configmap";
        own.Metadata.Labels[WellKnownLabels.ResourceBindingPermanentId] = "own-id";
        own.Spec.Placement = new Placement();
        var overwriting = Independent("api-deployment", "member2");
        overwriting.Spec.ConflictResolution = ConflictResolution.Overwrite;
        AttachRequest[] batch = [new(ConfigMap(), Independent("web-deployment", "member1")), new(ConfigMap(), overwriting)];

        var result = Apply(own, AttachedBindingPatch.Attach(own, batch)!);

        Assert.Equal(["web-deployment", "api-deployment"], result.Spec.RequiredBy.Select(s => s.Name));
        Assert.Null(result.Spec.ConflictResolution);
        Assert.Empty(own.Spec.RequiredBy);
    }

    [Fact]
    public void AttachBatch_OntoAnEmptyList_AndFromAStaleCopy_FailsItsGuard()
    {
        var own = new ResourceBinding();
        own.Metadata.Namespace = "apps";
        own.Metadata.Name = "cfg-configmap";
        own.Metadata.Labels[WellKnownLabels.ResourceBindingPermanentId] = "own-id";
        own.Spec.Placement = new Placement();
        AttachRequest[] batch = [new(ConfigMap(), Independent("web-deployment", "member1")), new(ConfigMap(), Independent("api-deployment", "member2"))];
        var patch = AttachedBindingPatch.Attach(own, batch)!;

        Assert.Equal(["web-deployment", "api-deployment"], Apply(own, patch).Spec.RequiredBy.Select(s => s.Name));
        var raced = own.DeepClone();
        AttachedBindings.Merge(raced, ConfigMap(), Independent("db-deployment", "member2"));
        Assert.Throws<PatchException>(() => Apply(raced, patch));
    }

    [Fact]
    public void BuildBatch_IsTheFirstBuiltAndTheOthersMerged()
    {
        AttachRequest[] batch = [new(ConfigMap(), Independent("web-deployment", "member1")), new(ConfigMap(), Independent("api-deployment", "member2"))];
        var expected = AttachedBindings.Build(ConfigMap(), batch[0].Independent);
        AttachedBindings.Merge(expected, ConfigMap(), batch[1].Independent);

        Assert.Equal(KarmadaJson.Serialize(expected), KarmadaJson.Serialize(AttachedBindings.Build(batch)));
    }

    [Fact]
    public void Detach_RemovesOnlyItsEntryAndLabel()
    {
        var stored = Stored(AttachedBindings.Build(ConfigMap(), Independent("web-deployment", "member1")));
        AttachedBindings.Merge(stored, ConfigMap(), Independent("api-deployment", "member3"));

        var result = Apply(stored, AttachedBindingPatch.Detach(stored, "apps", "web-deployment")!);

        Assert.Equal(["api-deployment"], result.Spec.RequiredBy.Select(s => s.Name));
        Assert.False(result.Metadata.Labels.ContainsKey(AttachedBindings.DependedByLabel("apps", "web-deployment")));
        Assert.True(result.Metadata.Labels.ContainsKey(AttachedBindings.DependedByLabel("apps", "api-deployment")));
        Assert.Null(AttachedBindingPatch.Detach(result, "apps", "web-deployment"));
    }

    [Fact]
    public void Detach_AfterAnEarlierEntryWentAway_FailsOnThePositionGuard()
    {
        var staleCopy = Stored(AttachedBindings.Build(ConfigMap(), Independent("api-deployment", "member3")));
        AttachedBindings.Merge(staleCopy, ConfigMap(), Independent("web-deployment", "member1"));
        var stored = staleCopy.DeepClone();
        stored.Spec.RequiredBy.RemoveAt(0);

        var patch = AttachedBindingPatch.Detach(staleCopy, "apps", "web-deployment")!;

        Assert.Throws<PatchException>(() => Apply(stored, patch));
    }
    [Fact]
    public void Detach_LastTwoReferrersAtOnce_TheSecondFailsItsGuardInsteadOfLeavingTheBindingRequiredByNobody()
    {
        // Both copies show both referrers, so neither deletes; whichever patches second must re-read and delete.
        var copy = Stored(AttachedBindings.Build(ConfigMap(), Independent("web-deployment", "member1")));
        AttachedBindings.Merge(copy, ConfigMap(), Independent("api-deployment", "member3"));
        var webDetach = AttachedBindingPatch.Detach(copy, "apps", "web-deployment")!;
        var apiDetach = AttachedBindingPatch.Detach(copy, "apps", "api-deployment")!;

        var afterApi = Apply(copy, apiDetach);
        Assert.Throws<PatchException>(() => Apply(afterApi, webDetach));
        var afterWeb = Apply(copy, webDetach);
        Assert.Throws<PatchException>(() => Apply(afterWeb, apiDetach));
        Assert.True(AttachedBindings.RequiredOnlyBy(afterWeb, "apps", "api-deployment"));
    }

    [Fact]
    public void Detach_OtherReferrerAppendedMeanwhile_StillApplies()
    {
        var copy = Stored(AttachedBindings.Build(ConfigMap(), Independent("web-deployment", "member1")));
        AttachedBindings.Merge(copy, ConfigMap(), Independent("api-deployment", "member3"));
        var stored = copy.DeepClone();
        AttachedBindings.Merge(stored, ConfigMap(), Independent("db-deployment", "member2"));

        var result = Apply(stored, AttachedBindingPatch.Detach(copy, "apps", "web-deployment")!);

        Assert.Equal(["api-deployment", "db-deployment"], result.Spec.RequiredBy.Select(s => s.Name));
    }
}
