using Karmada.Api.Work.V1Alpha2;

namespace Karmada.Scheduler.Service.Tests;

public sealed class SchedulingEventRecorderTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 28, 9, 30, 15, 123, TimeSpan.Zero);

    [Fact]
    public void AnEventAboutAResourceBindingLivesInItsNamespace()
    {
        var binding = TestObjects.Binding("web", 1, TestObjects.Duplicated());
        binding.Metadata.Uid = "uid-1";
        binding.Metadata.ResourceVersion = "17";

        var created = SchedulingEventRecorder.BuildEvent(SchedulableBinding.Of(binding), new SchedulingEvent("Warning", "ScheduleBindingFailed", "no fit"), "default-scheduler", Now);

        Assert.Equal("default", (string?)created["metadata"]!["namespace"]);
        Assert.StartsWith("web.", (string?)created["metadata"]!["name"], StringComparison.Ordinal);
        Assert.Equal("ResourceBinding", (string?)created["involvedObject"]!["kind"]);
        Assert.Equal("work.karmada.io/v1alpha2", (string?)created["involvedObject"]!["apiVersion"]);
        Assert.Equal("uid-1", (string?)created["involvedObject"]!["uid"]);
        Assert.Equal("default", (string?)created["involvedObject"]!["namespace"]);
        Assert.Equal("Warning", (string?)created["type"]);
        Assert.Equal("ScheduleBindingFailed", (string?)created["reason"]);
        Assert.Equal("default-scheduler", (string?)created["source"]!["component"]);
        Assert.Equal("2026-11-28T09:30:15Z", (string?)created["lastTimestamp"]);
        Assert.Equal(1, (int?)created["count"]);
    }

    [Fact]
    public void AnEventAboutAClusterResourceBindingGoesToTheDefaultNamespace()
    {
        var binding = new ClusterResourceBinding { Metadata = new() { Name = "crb" } };

        var created = SchedulingEventRecorder.BuildEvent(SchedulableBinding.Of(binding), new SchedulingEvent("Normal", "ScheduleBindingSucceed", "ok"), "default-scheduler", Now);

        Assert.Equal("default", (string?)created["metadata"]!["namespace"]);
        Assert.Equal("ClusterResourceBinding", (string?)created["involvedObject"]!["kind"]);
        Assert.False(created["involvedObject"]!.AsObject().ContainsKey("namespace"));
    }

    [Fact]
    public void EventNamesDifferEvenWithinASecond()
    {
        var binding = SchedulableBinding.Of(TestObjects.Binding("web", 1, TestObjects.Duplicated()));
        var e = new SchedulingEvent("Normal", "ScheduleBindingSucceed", "ok");

        var first = (string?)SchedulingEventRecorder.BuildEvent(binding, e, "s", Now)["metadata"]!["name"];
        var second = (string?)SchedulingEventRecorder.BuildEvent(binding, e, "s", Now.AddMilliseconds(1))["metadata"]!["name"];

        Assert.NotEqual(first, second);
    }
}
