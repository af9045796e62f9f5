using System.Text.Json.Nodes;
using Karmada.Api.WellKnown;
using Karmada.Client;
using Karmada.Controllers.Execution;
using Karmada.Interpreter;
using Karmada.Member.Profiles;
using Karmada.Testing;
using Karmada.Testing.ControlPlane;
using Microsoft.Extensions.DependencyInjection;

namespace Karmada.Controllers.Tests.Execution;

/// <summary>
/// The workStatus controller folds a member object's rollout steps into few Work status writes
/// (<see cref="ControllerManagerOptions.WorkStatusWriteInterval"/>), against a real control plane and simulated member.
/// </summary>
[Trait("Category", "Integration")]
public sealed class WorkStatusPacingIntegrationTests : IAsyncLifetime
{
    private const string ClusterName = "member1";
    private const string ExecutionSpace = "karmada-es-member1";
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(60);
    private static readonly TimeSpan WriteInterval = TimeSpan.FromSeconds(15);
    private const int OtherWritersUpdates = 3;
    private static readonly ResourceRef Deployments = new("apps", "v1", "deployments", true);
    private readonly CancellationTokenSource _timeout = new(TimeSpan.FromMinutes(3));
    private readonly CountingInterpreter _interpreter = new("web");
    private PushMemberTestBed _bed = null!;
    private InProcessControlPlane _controlPlane = null!;
    private InProcessMember _member = null!;

    private CancellationToken Ct => _timeout.Token;

    public async Task InitializeAsync()
    {
        // Pods that take 2 s to start: the member reports the rollout in steps (created, pods counted, pods ready)
        // however loaded the machine is, rather than jumping from created to ready in one status write.
        var slowPods = new MemberProfile { PodStartupMilliseconds = 2000 };
        _bed = await PushMemberTestBed.StartAsync(
            "cp-workstatus-pacing",
            ClusterName,
            options => options.WorkStatusWriteInterval = WriteInterval,
            slowPods,
            Deadline,
            Ct,
            services => services.AddSingleton<IResourceInterpreter>(_interpreter));
        _controlPlane = _bed.ControlPlane;
        _member = _bed.Member;
    }

    public async Task DisposeAsync()
    {
        await _bed.DisposeAsync();
        _timeout.Dispose();
    }

    [Fact]
    public async Task MemberRolloutSteps_AreFoldedIntoFewWorkStatusWrites()
    {
        using var watching = CancellationTokenSource.CreateLinkedTokenSource(Ct);
        var memberStates = WatchReflectedMemberStatesAsync("web", await MemberRevisionAsync(), watching.Token);
        var statusWrites = WatchManifestStatusWritesAsync("web", await ControlPlaneRevisionAsync(), watching.Token);

        await _controlPlane.Client.CreateAsync(WorkMeta.Resource, ExecutionSpace, TestWorks.Create(ExecutionSpace, "web", [TestWorkloads.Deployment("web", 3)]), WorkMeta.TypeInfo, cancellationToken: Ct);

        // The member's own status steps are two or three depending on how the machine schedules its controllers (a
        // loaded one reports the ReplicaSet only once its pods are ready), so another writer adds reflected states of
        // its own inside the window: counters the member's Deployment controller then puts right again.
        await WaitForMemberFirstStatusAsync();
        for (var step = 1; step <= OtherWritersUpdates; step++)
        {
            var counters = new JsonObject { ["status"] = new JsonObject { ["unavailableReplicas"] = 100 + step } };
            await _member.Client.PatchAsync(Deployments, "default", "web", PatchType.Merge, counters, new PatchOptions { Subresource = "status" }, Ct);
        }

        await _controlPlane.Client.ReadUntilAsync(
            WorkMeta.Resource,
            ExecutionSpace,
            "web",
            WorkMeta.TypeInfo,
            w => w.Status.ManifestStatuses.Count == 1
                && w.Status.ManifestStatuses[0].Status?["availableReplicas"]?.GetValue<int>() == 3
                && w.Status.ManifestStatuses[0].Status?["unavailableReplicas"] is null,
            Deadline,
            "web reports the whole rollout",
            Ct);
        await watching.CancelAsync();

        // The member went through several reflected states (counted, the other writer's, ready); the Work took them
        // in one write per window.
        var states = await memberStates;
        var writes = await statusWrites;
        Assert.True(states >= OtherWritersUpdates + 1, $"the member Deployment reported {states} reflected states");
        Assert.True(writes <= 2, $"{writes} Work status writes for {states} member states");
    }

    [Fact]
    public async Task MemberEventsWithinAWindow_AreNotReflectedOneByOne()
    {
        using var watching = CancellationTokenSource.CreateLinkedTokenSource(Ct);
        var memberUpdates = CountMemberUpdatesAsync("web", await MemberRevisionAsync(), watching.Token);

        // The manifest lists the labels and annotations Karmada manages, as the binding controller records them.
        var web = TestWorkloads.Deployment("web", 3);
        ((JsonObject)web["metadata"]!)["annotations"] = new JsonObject
        {
            [WellKnownAnnotations.ManagedAnnotations] = $"{WellKnownAnnotations.ManagedAnnotations},{WellKnownAnnotations.ManagedLabels}",
            [WellKnownAnnotations.ManagedLabels] = "app",
        };
        await _controlPlane.Client.CreateAsync(WorkMeta.Resource, ExecutionSpace, TestWorks.Create(ExecutionSpace, "web", [web]), WorkMeta.TypeInfo, cancellationToken: Ct);

        // How many status writes the member's controllers make depends on how the machine schedules them (a loaded one
        // folds the replica count into the first), so someone else adds updates once the member has reported its first
        // status, the change that opens the Work's window: an annotation Karmada does not manage is not drift, so only
        // the workStatus controller sees them.
        await WaitForMemberFirstStatusAsync();
        for (var touch = 1; touch <= OtherWritersUpdates; touch++)
        {
            var annotation = new JsonObject { ["metadata"] = new JsonObject { ["annotations"] = new JsonObject { ["test.karmada.io/touch"] = $"{touch}" } } };
            await _member.Client.PatchAsync(Deployments, "default", "web", PatchType.Merge, annotation, cancellationToken: Ct);
        }

        await _controlPlane.Client.ReadUntilAsync(
            WorkMeta.Resource,
            ExecutionSpace,
            "web",
            WorkMeta.TypeInfo,
            w => w.Status.ManifestStatuses.Count == 1 && w.Status.ManifestStatuses[0].Status?["availableReplicas"]?.GetValue<int>() == 3,
            Deadline,
            "web reports the whole rollout",
            Ct);
        await watching.CancelAsync();

        // One reflection of the execution controller's create, one by the workStatus controller finding the first
        // change (opening the window), one at the window's end; the member updates in between only wait. Reading the
        // member per event reflected the object once per update (at least 2 + updates).
        var updates = await memberUpdates;
        Assert.True(updates >= OtherWritersUpdates, $"the member Deployment was updated {updates} times");
        Assert.True(_interpreter.Reflections <= 4, $"{_interpreter.Reflections} status reflections for {updates} member updates in one window");
    }

    // The member's first status is the change that opens the Work's window at the workStatus controller.
    private Task WaitForMemberFirstStatusAsync() => Eventually.UntilAsync(
        async () => (await _member.Client.GetOrNullAsync(Deployments, "default", "web", Ct))?["status"]?["replicas"] is not null,
        Deadline,
        "the member reports web's first status",
        Ct);

    // The watches below start from a revision listed before the Work is created, so however late a watch connects,
    // it sees every change after it rather than a first ADDED that already folds in some of them.
    private async Task<string> MemberRevisionAsync() =>
        (await _member.Client.ListAsync(Deployments, "default", cancellationToken: Ct)).ResourceVersion
        ?? throw new InvalidOperationException("the member's list carries no resourceVersion");

    private async Task<string> ControlPlaneRevisionAsync() =>
        (await _controlPlane.Client.ListAsync(WorkMeta.Resource, ExecutionSpace, cancellationToken: Ct)).ResourceVersion
        ?? throw new InvalidOperationException("the control plane's list carries no resourceVersion");

    private async Task<int> CountMemberUpdatesAsync(string name, string fromRevision, CancellationToken cancellationToken)
    {
        var updates = 0;
        try
        {
            await foreach (var change in _member.Client.WatchAsync(Deployments, "default", new WatchOptions { FieldSelector = $"metadata.name={name}", ResourceVersion = fromRevision }, cancellationToken))
            {
                if (change.Type == WatchEventType.Modified)
                {
                    updates++;
                }
            }
        }
        catch (OperationCanceledException)
        {
        }

        return updates;
    }

    private async Task<int> WatchReflectedMemberStatesAsync(string name, string fromRevision, CancellationToken cancellationToken)
    {
        var interpreter = ResourceInterpreter.CreateDefault();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        try
        {
            await foreach (var change in _member.Client.WatchAsync(Deployments, "default", new WatchOptions { FieldSelector = $"metadata.name={name}", ResourceVersion = fromRevision }, cancellationToken))
            {
                if (change.Type != WatchEventType.Bookmark && ManifestStatusBuilder.Build(0, Deployments, change.Object, interpreter).Status is { } reflected)
                {
                    seen.Add(reflected.ToJsonString());
                }
            }
        }
        catch (OperationCanceledException)
        {
        }

        return seen.Count;
    }

    private async Task<int> WatchManifestStatusWritesAsync(string name, string fromRevision, CancellationToken cancellationToken)
    {
        var writes = 0;
        string? last = null;
        try
        {
            await foreach (var change in _controlPlane.Client.WatchAsync(WorkMeta.Resource, ExecutionSpace, WorkMeta.TypeInfo, new WatchOptions { FieldSelector = $"metadata.name={name}", ResourceVersion = fromRevision }, cancellationToken))
            {
                if (change.Type == WatchEventType.Bookmark)
                {
                    continue;
                }

                var statuses = new JsonArray([.. change.Object.Status.ManifestStatuses.Select(s => s.Status?.DeepClone())]).ToJsonString();
                if (change.Object.Status.ManifestStatuses.Count > 0 && statuses != last && change.Object.Status.ManifestStatuses.Exists(s => s.Status is not null))
                {
                    writes++;
                }

                last = statuses;
            }
        }
        catch (OperationCanceledException)
        {
        }

        return writes;
    }
}
