using System.Text.Json.Nodes;
using Karmada.Api.Core;
using Karmada.Api.Meta;
using Karmada.Api.Work.V1Alpha2;
using Karmada.Client;
using Karmada.Client.LeaderElection;
using Karmada.Testing;

namespace Karmada.Scheduler.Service.Tests;

/// <summary>The scheduler service against a real in-process control plane with Ready Cluster objects.</summary>
[Trait("Category", "Integration")]
public sealed class SchedulerIntegrationTests : IAsyncLifetime
{
    private readonly CancellationTokenSource _timeout = new(TimeSpan.FromMinutes(2));
    private ControlPlane _controlPlane = null!;

    private CancellationToken Ct => _timeout.Token;

    public async Task InitializeAsync() => _controlPlane = await ControlPlane.StartAsync();

    public async Task DisposeAsync()
    {
        await _controlPlane.DisposeAsync();
        _timeout.Dispose();
    }

    [Fact]
    public async Task DuplicatedBindingGetsEveryMatchingClusterInOneWrite()
    {
        await _controlPlane.CreateReadyClusterAsync("member1", Ct);
        await _controlPlane.CreateReadyClusterAsync("member2", Ct);
        await _controlPlane.CreateReadyClusterAsync("member3", Ct, customize: c => c.Status.ApiEnablements.Clear());
        await _controlPlane.StartSchedulerAsync();
        var modifications = 0;
        using var watchStop = CancellationTokenSource.CreateLinkedTokenSource(Ct);
        var from = (await _controlPlane.Client.ListAsync(SchedulerResources.ResourceBindings, "default", cancellationToken: Ct)).ResourceVersion;
        var watching = CountModificationsAsync("web", from, () => Interlocked.Increment(ref modifications), watchStop.Token);

        await _controlPlane.CreateBindingAsync(TestObjects.Binding("web", 2, TestObjects.Duplicated()), Ct);

        var binding = await _controlPlane.WaitForBindingAsync("web", ControlPlane.IsScheduled, "web scheduled", Ct);
        Assert.Equal("member1:2,member2:2", TestObjects.Describe(binding.Spec.Clusters));
        Assert.NotNull(binding.Status.LastScheduledTime);
        Assert.Contains("policy.karmada.io/applied-placement", binding.Metadata.Annotations.Keys);

        // A later binding is a barrier: one worker takes keys in order, so once it is scheduled any rerun of "web"
        // caused by the scheduler's own writes has happened too.
        await _controlPlane.CreateBindingAsync(TestObjects.Binding("barrier", 1, TestObjects.Duplicated("member1")), Ct);
        await _controlPlane.WaitForBindingAsync("barrier", ControlPlane.IsScheduled, "barrier scheduled", Ct);
        Assert.Equal(binding.Metadata.ResourceVersion, (await _controlPlane.GetBindingAsync("web", Ct)).Metadata.ResourceVersion);
        await watchStop.CancelAsync();
        await watching;
        Assert.Equal(1, modifications);

        var succeeded = await WaitForEventAsync("web", "ScheduleBindingSucceed");
        Assert.Equal("Normal", (string?)succeeded["type"]);
        Assert.Equal("Binding has been scheduled successfully. Result: {member1:2, member2:2}", (string?)succeeded["message"]);
    }

    [Fact]
    public async Task DividedStaticWeightBindingGetsTheWeightedReplicas()
    {
        await _controlPlane.CreateReadyClusterAsync("member1", Ct);
        await _controlPlane.CreateReadyClusterAsync("member2", Ct);
        await _controlPlane.CreateReadyClusterAsync("member3", Ct);
        await _controlPlane.StartSchedulerAsync();

        await _controlPlane.CreateBindingAsync(TestObjects.Binding("api", 7, TestObjects.StaticWeights(("member1", 2), ("member2", 5))), Ct);

        var binding = await _controlPlane.WaitForBindingAsync("api", ControlPlane.IsScheduled, "api scheduled", Ct);
        Assert.Equal("member1:2,member2:5", TestObjects.Describe(binding.Spec.Clusters));
    }

    [Fact]
    public async Task UnschedulableBindingSaysWhyPerClusterAndRecordsAnEvent()
    {
        await _controlPlane.CreateReadyClusterAsync("member1", Ct, customize: c =>
            c.Spec.Taints.Add(new Api.Core.Taint { Key = "cluster.karmada.io/not-ready", Effect = TaintEffect.NoSchedule }));
        await _controlPlane.CreateReadyClusterAsync("member2", Ct);
        await _controlPlane.StartSchedulerAsync();

        await _controlPlane.CreateBindingAsync(TestObjects.Binding("db", 1, TestObjects.Duplicated("member1")), Ct);

        var binding = await _controlPlane.WaitForBindingAsync(
            "db", b => b.Status.Conditions.Exists(c => c.Type == BindingConditionTypes.Scheduled), "db has a Scheduled condition", Ct);
        var condition = Assert.Single(binding.Status.Conditions, c => c.Type == BindingConditionTypes.Scheduled);
        Assert.Equal(ConditionStatus.False, condition.Status);
        Assert.Equal(BindingConditionReasons.NoClusterFit, condition.Reason);
        Assert.StartsWith("0/2 clusters are available", condition.Message, StringComparison.Ordinal);
        Assert.Contains("member1 (TaintToleration): untolerated taint cluster.karmada.io/not-ready", condition.Message, StringComparison.Ordinal);
        Assert.Contains("member2 (ClusterAffinity)", condition.Message, StringComparison.Ordinal);
        Assert.Empty(binding.Spec.Clusters);
        Assert.Equal(0, binding.Status.SchedulerObservedGeneration);

        var failed = await WaitForEventAsync("db", "ScheduleBindingFailed");
        Assert.Equal("Warning", (string?)failed["type"]);
        Assert.Equal(condition.Message, (string?)failed["message"]);
        Assert.Equal("ResourceBinding", (string?)failed["involvedObject"]!["kind"]);
        Assert.Equal(binding.Metadata.Uid, (string?)failed["involvedObject"]!["uid"]);
    }

    [Fact]
    public async Task APreviouslyUnschedulableBindingIsScheduledWhenAMatchingClusterAppears()
    {
        await _controlPlane.CreateReadyClusterAsync("member1", Ct);
        await _controlPlane.StartSchedulerAsync();
        await _controlPlane.CreateBindingAsync(TestObjects.Binding("late", 3, TestObjects.StaticWeights(("member2", 1))), Ct);
        await _controlPlane.WaitForBindingAsync(
            "late", b => b.Status.Conditions.Exists(c => c.Type == BindingConditionTypes.Scheduled && c.Status == ConditionStatus.False), "late unschedulable", Ct);

        await _controlPlane.CreateReadyClusterAsync("member2", Ct);

        var binding = await _controlPlane.WaitForBindingAsync("late", ControlPlane.IsScheduled, "late scheduled on member2", Ct);
        Assert.Equal("member2:3", TestObjects.Describe(binding.Spec.Clusters));
    }

    [Fact]
    public async Task ClusterResourceBindingsAreScheduledToo()
    {
        await _controlPlane.CreateReadyClusterAsync("member1", Ct);
        await _controlPlane.CreateReadyClusterAsync("member2", Ct);
        await _controlPlane.StartSchedulerAsync();
        var source = TestObjects.Binding("cluster-wide", 0, TestObjects.Duplicated("member2"));
        var binding = new ClusterResourceBinding
        {
            Metadata = new ObjectMeta { Name = "cluster-wide", Labels = new() { [Api.WellKnown.WellKnownLabels.ClusterPropagationPolicyPermanentId] = "cpp-id" } },
            Spec = source.Spec,
        };
        await _controlPlane.Client.CreateAsync(SchedulerResources.ClusterResourceBindings, null, binding, SchedulerResources.ClusterResourceBindingType, cancellationToken: Ct);

        ClusterResourceBinding? scheduled = null;
        await Eventually.UntilAsync(
            async () =>
            {
                scheduled = await _controlPlane.Client.GetAsync(SchedulerResources.ClusterResourceBindings, null, "cluster-wide", SchedulerResources.ClusterResourceBindingType, Ct);
                return scheduled.Status.SchedulerObservedGeneration == scheduled.Metadata.Generation
                    && scheduled.Status.Conditions.Exists(c => c.Type == BindingConditionTypes.Scheduled && c.Status == ConditionStatus.True);
            },
            TimeSpan.FromSeconds(30),
            "cluster-wide scheduled",
            Ct);
        Assert.Equal("member2:0", TestObjects.Describe(scheduled!.Spec.Clusters));
        var succeeded = await WaitForEventAsync("cluster-wide", "ScheduleBindingSucceed");
        Assert.Equal("ClusterResourceBinding", (string?)succeeded["involvedObject"]!["kind"]);
        Assert.Null(succeeded["involvedObject"]!["namespace"]);
    }

    [Fact]
    public async Task AFailedBindingIsRetriedWithBackoffUntilCapacityAppears()
    {
        await _controlPlane.CreateReadyClusterAsync("member1", Ct, customize: c => c.Status.ResourceSummary!.Allocatable["pods"] = "2");
        await _controlPlane.StartSchedulerAsync(new SchedulerServiceOptions { InitialRetryDelay = TimeSpan.FromMilliseconds(200) });
        var placement = TestObjects.Duplicated("member1");
        placement.ReplicaScheduling = new Api.Policy.V1Alpha1.ReplicaSchedulingStrategy
        {
            ReplicaSchedulingType = Api.Policy.V1Alpha1.ReplicaSchedulingType.Divided,
            ReplicaDivisionPreference = Api.Policy.V1Alpha1.ReplicaDivisionPreference.Aggregated,
        };
        await _controlPlane.CreateBindingAsync(TestObjects.Binding("big", 5, placement), Ct);
        var failed = await _controlPlane.WaitForBindingAsync(
            "big", b => b.Status.Conditions.Exists(c => c.Type == BindingConditionTypes.Scheduled && c.Status == ConditionStatus.False), "big unschedulable", Ct);
        Assert.Equal(BindingConditionReasons.Unschedulable, failed.Status.Conditions.Single(c => c.Type == BindingConditionTypes.Scheduled).Reason);

        // More room in the resource summary is no cluster event the scheduler reacts to; only the retry finds it.
        var current = await _controlPlane.Client.GetAsync(SchedulerResources.Clusters, null, "member1", SchedulerResources.ClusterType, Ct);
        current.Status.ResourceSummary!.Allocatable["pods"] = "50";
        await _controlPlane.Client.UpdateStatusAsync(SchedulerResources.Clusters, null, "member1", current, SchedulerResources.ClusterType, cancellationToken: Ct);

        var binding = await _controlPlane.WaitForBindingAsync("big", ControlPlane.IsScheduled, "big scheduled after a retry", Ct);
        Assert.Equal("member1:5", TestObjects.Describe(binding.Spec.Clusters));
    }

    [Fact]
    public async Task AStatusOnlyUpdateDoesNotReschedule()
    {
        await _controlPlane.CreateReadyClusterAsync("member1", Ct);
        await _controlPlane.StartSchedulerAsync();
        await _controlPlane.CreateBindingAsync(TestObjects.Binding("web", 1, TestObjects.Duplicated()), Ct);
        await _controlPlane.WaitForBindingAsync("web", ControlPlane.IsScheduled, "web scheduled", Ct);

        // Someone else clears lastScheduledTime through the status subresource. A rerun would write it again; the
        // generation does not change, so the scheduler must not look.
        var cleared = await _controlPlane.Client.PatchAsync(
            SchedulerResources.ResourceBindings, "default", "web", PatchType.Merge,
            new JsonObject { ["status"] = new JsonObject { ["lastScheduledTime"] = null } },
            SchedulerResources.ResourceBindingType, new PatchOptions { Subresource = "status" }, Ct);
        Assert.Null(cleared.Status.LastScheduledTime);

        await _controlPlane.CreateBindingAsync(TestObjects.Binding("barrier", 1, TestObjects.Duplicated()), Ct);
        await _controlPlane.WaitForBindingAsync("barrier", ControlPlane.IsScheduled, "barrier scheduled", Ct);
        var after = await _controlPlane.GetBindingAsync("web", Ct);
        Assert.Equal(cleared.Metadata.ResourceVersion, after.Metadata.ResourceVersion);
        Assert.Null(after.Status.LastScheduledTime);
    }

    [Fact]
    public async Task AReplicasChangeReschedules()
    {
        await _controlPlane.CreateReadyClusterAsync("member1", Ct);
        await _controlPlane.CreateReadyClusterAsync("member2", Ct);
        await _controlPlane.StartSchedulerAsync();
        await _controlPlane.CreateBindingAsync(TestObjects.Binding("api", 3, TestObjects.StaticWeights(("member1", 2), ("member2", 1))), Ct);
        var scheduled = await _controlPlane.WaitForBindingAsync("api", ControlPlane.IsScheduled, "api scheduled", Ct);
        Assert.Equal("member1:2,member2:1", TestObjects.Describe(scheduled.Spec.Clusters));

        await _controlPlane.Client.PatchAsync(
            SchedulerResources.ResourceBindings, "default", "api", PatchType.Merge,
            new JsonObject { ["spec"] = new JsonObject { ["replicas"] = 6 } }, cancellationToken: Ct);

        var rescheduled = await _controlPlane.WaitForBindingAsync(
            "api", b => b.Spec.Replicas == 6 && ControlPlane.IsScheduled(b), "api rescheduled for 6 replicas", Ct);
        Assert.Equal("member1:4,member2:2", TestObjects.Describe(rescheduled.Spec.Clusters));
        Assert.True(rescheduled.Status.LastScheduledTime >= scheduled.Status.LastScheduledTime);
    }

    [Fact]
    public async Task BindingsOfOtherSchedulersAreLeftAlone()
    {
        await _controlPlane.CreateReadyClusterAsync("member1", Ct);
        await _controlPlane.StartSchedulerAsync();
        await _controlPlane.CreateBindingAsync(TestObjects.Binding("theirs", 1, TestObjects.Duplicated(), schedulerName: "other-scheduler"), Ct);
        var suspended = TestObjects.Binding("paused", 1, TestObjects.Duplicated());
        suspended.Spec.Suspension = new Suspension { Scheduling = true };
        await _controlPlane.CreateBindingAsync(suspended, Ct);

        await _controlPlane.CreateBindingAsync(TestObjects.Binding("barrier", 1, TestObjects.Duplicated()), Ct);
        await _controlPlane.WaitForBindingAsync("barrier", ControlPlane.IsScheduled, "barrier scheduled", Ct);

        Assert.Empty((await _controlPlane.GetBindingAsync("theirs", Ct)).Spec.Clusters);
        Assert.Empty((await _controlPlane.GetBindingAsync("paused", Ct)).Status.Conditions);
    }

    [Fact]
    public async Task OnlyTheLeaderSchedulesAndTheOtherTakesOver()
    {
        await _controlPlane.CreateReadyClusterAsync("member1", Ct);
        var first = await _controlPlane.StartSchedulerAsync(leaderElection: FastLease("first"));
        var second = await _controlPlane.StartSchedulerAsync(leaderElection: FastLease("second"));
        var gates = new[] { first, second }.Select(s => Assert.IsType<LeaderGatedHostedService>(s.Hosted[^1])).ToArray();
        await Eventually.UntilAsync(() => gates.Count(g => g.ServicesRunning) == 1, TimeSpan.FromSeconds(30), "one leader", Ct);

        await _controlPlane.CreateBindingAsync(TestObjects.Binding("web", 1, TestObjects.Duplicated()), Ct);
        await _controlPlane.WaitForBindingAsync("web", ControlPlane.IsScheduled, "web scheduled by the leader", Ct);
        Assert.Equal(1, gates.Count(g => g.ServicesRunning));

        var leader = gates[0].ServicesRunning ? first : second;
        var follower = gates[0].ServicesRunning ? gates[1] : gates[0];
        await leader.StopAsync();
        await Eventually.UntilAsync(() => follower.ServicesRunning, TimeSpan.FromSeconds(30), "the follower takes over", Ct);

        await _controlPlane.CreateBindingAsync(TestObjects.Binding("after", 1, TestObjects.Duplicated()), Ct);
        await _controlPlane.WaitForBindingAsync("after", ControlPlane.IsScheduled, "after scheduled by the new leader", Ct);
    }

    private static LeaderElectionOptions FastLease(string identity) => new()
    {
        LeaseName = SchedulerServiceCollectionExtensions.LeaseName,
        Identity = identity,
        LeaseDuration = TimeSpan.FromSeconds(2),
        RenewDeadline = TimeSpan.FromSeconds(1.5),
        RetryPeriod = TimeSpan.FromMilliseconds(200),
    };

    private async Task CountModificationsAsync(string name, string? fromResourceVersion, Action onModified, CancellationToken cancellationToken)
    {
        try
        {
            var options = new WatchOptions { ResourceVersion = fromResourceVersion };
            await foreach (var change in _controlPlane.Client.WatchAsync(SchedulerResources.ResourceBindings, "default", options, cancellationToken))
            {
                if (change.Type == WatchEventType.Modified && (string?)change.Object["metadata"]?["name"] == name)
                {
                    onModified();
                }
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
        }
    }

    private async Task<JsonObject> WaitForEventAsync(string bindingName, string reason)
    {
        JsonObject? found = null;
        await Eventually.UntilAsync(
            async () =>
            {
                var events = await _controlPlane.Client.ListAsync(SchedulerResources.Events, "default", cancellationToken: Ct);
                found = events.Items.FirstOrDefault(e => (string?)e["involvedObject"]?["name"] == bindingName && (string?)e["reason"] == reason);
                return found is not null;
            },
            TimeSpan.FromSeconds(30),
            $"event {reason} for {bindingName}",
            Ct);
        return found!;
    }
}
