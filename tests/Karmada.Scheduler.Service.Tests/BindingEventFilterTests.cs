using Karmada.Api.Meta;
using Karmada.Api.WellKnown;
using Karmada.Api.Work.V1Alpha2;

namespace Karmada.Scheduler.Service.Tests;

public sealed class BindingEventFilterTests
{
    [Theory]
    [InlineData(null, true)]
    [InlineData("", true)]
    [InlineData("default-scheduler", true)]
    [InlineData("other-scheduler", false)]
    public void DefaultSchedulerOwnsBindingsWithItsNameOrNone(string? bindingScheduler, bool expected)
    {
        var binding = TestObjects.Binding("web", 1, TestObjects.Duplicated(), bindingScheduler);

        Assert.Equal(expected, BindingEventFilter.IsResponsible("default-scheduler", binding.Metadata, binding.Spec));
    }

    [Fact]
    public void ANamedSchedulerDoesNotTakeUnnamedBindings()
    {
        var binding = TestObjects.Binding("web", 1, TestObjects.Duplicated());

        Assert.False(BindingEventFilter.IsResponsible("my-scheduler", binding.Metadata, binding.Spec));
    }

    [Fact]
    public void SuspendedSchedulingIsSkipped()
    {
        var binding = TestObjects.Binding("web", 1, TestObjects.Duplicated());
        binding.Spec.Suspension = new Suspension { Scheduling = true };

        Assert.False(BindingEventFilter.IsResponsible("default-scheduler", binding.Metadata, binding.Spec));
    }

    [Theory]
    [InlineData(WellKnownLabels.PropagationPolicyPermanentId, true)]
    [InlineData(WellKnownLabels.ClusterPropagationPolicyPermanentId, true)]
    [InlineData(WellKnownLabels.BindingManagedBy, true)]
    [InlineData("app", false)]
    public void OnlyBindingsFromAPolicyOrAControllerAreScheduled(string label, bool expected)
    {
        var binding = TestObjects.Binding("web", 1, TestObjects.Duplicated());
        binding.Metadata.Labels = new() { [label] = "x" };

        Assert.Equal(expected, BindingEventFilter.IsResponsible("default-scheduler", binding.Metadata, binding.Spec));
    }

    [Fact]
    public void OnlyANewGenerationIsASpecChange()
    {
        var old = new ObjectMeta { Generation = 3, ResourceVersion = "10" };

        Assert.False(BindingEventFilter.IsSpecChange(old, new ObjectMeta { Generation = 3, ResourceVersion = "11" }));
        Assert.True(BindingEventFilter.IsSpecChange(old, new ObjectMeta { Generation = 4, ResourceVersion = "11" }));
    }
}
