using Karmada.Api;
using Karmada.Api.WellKnown;
using Karmada.Api.Work.V1Alpha2;
using Karmada.Controllers.Dependencies;
using Karmada.Patching;
using Karmada.Patching.Json;

namespace Karmada.Controllers.Tests.Dependencies;

/// <summary>The distributor's event predicates and the patches of its marks on an independent binding.</summary>
public sealed class IndependentBindingTests
{
    private static ResourceBinding Binding(long generation, params string[] clusters)
    {
        var binding = new ResourceBinding();
        binding.Metadata.Namespace = "apps";
        binding.Metadata.Name = "web-deployment";
        binding.Metadata.Generation = generation;
        binding.Spec.PropagateDeps = true;
        binding.Spec.Clusters = [.. clusters.Select(c => new TargetCluster { Name = c })];
        return binding;
    }

    private static ResourceBinding Marked(ResourceBinding binding)
    {
        var marked = binding.DeepClone();
        marked.Metadata.Finalizers.Add(WellKnownFinalizers.BindingDependenciesDistributor);
        marked.Metadata.Annotations[WellKnownAnnotations.ResourceBindingDependencies] = "[]";
        return marked;
    }

    private static ResourceBinding Apply(ResourceBinding stored, System.Text.Json.Nodes.JsonArray patch) =>
        KarmadaJson.Deserialize<ResourceBinding>(JsonPatch.Apply(KarmadaJson.SerializeToNode(stored), patch)!);

    [Fact]
    public void Events_UnscheduledBindingIsNotNewsUntilTheSchedulerPlacesIt()
    {
        Assert.False(IndependentBindingEvents.OnAdd(Binding(1)));
        Assert.False(IndependentBindingEvents.OnUpdate(Binding(1), Binding(2)));
        Assert.True(IndependentBindingEvents.OnUpdate(Binding(2), Binding(3, "member1")));
        Assert.True(IndependentBindingEvents.OnAdd(Binding(3, "member1")));
    }

    [Fact]
    public void Events_SameGenerationIsNotNews_ButDeletionOfAMarkedBindingIs()
    {
        Assert.False(IndependentBindingEvents.OnUpdate(Binding(3, "member1"), Marked(Binding(3, "member1"))));
        var deleting = Marked(Binding(3, "member1"));
        deleting.Metadata.DeletionTimestamp = DateTimeOffset.UnixEpoch;
        Assert.True(IndependentBindingEvents.OnUpdate(Marked(Binding(3, "member1")), deleting));
        var unmarkedDeleting = Binding(3, "member1");
        unmarkedDeleting.Metadata.DeletionTimestamp = DateTimeOffset.UnixEpoch;
        Assert.False(IndependentBindingEvents.OnUpdate(Binding(3, "member1"), unmarkedDeleting));
    }

    [Fact]
    public void Events_PropagateDepsTurnedOffOnAMarkedBinding_IsNews()
    {
        var off = Marked(Binding(4));
        off.Spec.PropagateDeps = false;
        Assert.True(IndependentBindingEvents.OnUpdate(Marked(Binding(3)), off));
        var offUnmarked = Binding(4, "member1");
        offUnmarked.Spec.PropagateDeps = false;
        Assert.False(IndependentBindingEvents.OnUpdate(Binding(3, "member1"), offUnmarked));
    }

    [Fact]
    public void Record_AddsAnnotationAndFinalizerBesideOthers_ThenNothing()
    {
        var stored = Binding(1, "member1");
        stored.Metadata.Finalizers.Add(WellKnownFinalizers.BindingController);
        stored.Metadata.Annotations["policy"] = "pp";

        var recorded = Apply(stored, IndependentBindingPatch.Record(stored, "[{\"kind\":\"ConfigMap\"}]")!);

        Assert.Equal([WellKnownFinalizers.BindingController, WellKnownFinalizers.BindingDependenciesDistributor], recorded.Metadata.Finalizers);
        Assert.Equal("pp", recorded.Metadata.Annotations["policy"]);
        Assert.Equal("[{\"kind\":\"ConfigMap\"}]", recorded.Metadata.Annotations[WellKnownAnnotations.ResourceBindingDependencies]);
        Assert.Null(IndependentBindingPatch.Record(recorded, "[{\"kind\":\"ConfigMap\"}]"));
    }

    [Fact]
    public void Record_OnABindingWithoutAnnotationsOrFinalizers_CreatesBoth()
    {
        var stored = Binding(1, "member1");

        var recorded = Apply(stored, IndependentBindingPatch.Record(stored, "[]")!);

        Assert.Equal([WellKnownFinalizers.BindingDependenciesDistributor], recorded.Metadata.Finalizers);
        Assert.Equal("[]", recorded.Metadata.Annotations[WellKnownAnnotations.ResourceBindingDependencies]);
    }

    [Fact]
    public void Record_FinalizersChangedSinceTheRead_FailsItsGuard()
    {
        var staleCopy = Binding(1, "member1");
        staleCopy.Metadata.Finalizers.Add(WellKnownFinalizers.BindingController);
        var stored = staleCopy.DeepClone();
        stored.Metadata.Finalizers.Add("example.io/other");

        Assert.Throws<PatchException>(() => Apply(stored, IndependentBindingPatch.Record(staleCopy, "[]")!));
    }

    [Fact]
    public void Clear_RemovesOnlyTheDistributorsMarks()
    {
        var stored = Marked(Binding(1, "member1"));
        stored.Metadata.Finalizers.Insert(0, WellKnownFinalizers.BindingController);

        var cleared = Apply(stored, IndependentBindingPatch.Clear(stored)!);

        Assert.Equal([WellKnownFinalizers.BindingController], cleared.Metadata.Finalizers);
        Assert.False(cleared.Metadata.Annotations.ContainsKey(WellKnownAnnotations.ResourceBindingDependencies));
        Assert.Null(IndependentBindingPatch.Clear(cleared));
    }
}
