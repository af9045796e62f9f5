using Karmada.Api.Meta;
using Karmada.Api.WellKnown;
using Karmada.Controllers.Binding;

namespace Karmada.Controllers.Tests.Binding;

public sealed class BindingEventSourcesTests
{
    private static ObjectMeta Meta(long generation, params string[] finalizers) => new() { Generation = generation, Finalizers = [.. finalizers] };

    [Fact]
    public void SpecOrLifecycleChanged_NewGenerationOrDeletion()
    {
        Assert.True(BindingEventSources.SpecOrLifecycleChanged(Meta(1), Meta(2)));
        var deleting = Meta(1);
        deleting.DeletionTimestamp = DateTimeOffset.UnixEpoch;
        Assert.True(BindingEventSources.SpecOrLifecycleChanged(Meta(1), deleting));
        Assert.False(BindingEventSources.SpecOrLifecycleChanged(Meta(1), Meta(1)));
    }

    [Fact]
    public void SpecOrLifecycleChanged_OnlyTheRemovalOfItsOwnFinalizer()
    {
        Assert.False(BindingEventSources.SpecOrLifecycleChanged(
            Meta(2, WellKnownFinalizers.BindingController), Meta(2, WellKnownFinalizers.BindingController, WellKnownFinalizers.BindingDependenciesDistributor)));
        Assert.False(BindingEventSources.SpecOrLifecycleChanged(Meta(2), Meta(2, WellKnownFinalizers.BindingController)));
        Assert.True(BindingEventSources.SpecOrLifecycleChanged(Meta(2, WellKnownFinalizers.BindingController), Meta(2)));
        Assert.True(BindingEventSources.SpecOrLifecycleChanged(Meta(2, WellKnownFinalizers.ClusterResourceBindingController), Meta(2)));
    }
}
