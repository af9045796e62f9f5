using System.Diagnostics;
using System.Text.Json.Nodes;
using Karmada.Client;
using Karmada.Member.Profiles;
using Karmada.Testing;

namespace Karmada.Member.Tests;

/// <summary>Graceful pod deletion: the API server keeps bound pods terminating, the simulated kubelet finishes them.</summary>
public sealed class GracefulTerminationTests
{
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task DeletingBoundPod_KeepsItTerminatingNotReady_ThenKubeletRemovesIt()
    {
        await using var fixture = await MemberFixture.StartAsync(new MemberProfile { PodTerminationMilliseconds = 1500 });
        await fixture.Client.CreateAsync(MemberFixture.Pods, Pod("web", terminationGraceSeconds: null));
        await WaitForReadyAsync(fixture, "web");

        var answer = await fixture.Client.DeleteAsync(MemberFixture.Pods, "default", "web");

        // Like kube-apiserver: the object comes back with the deletion marks instead of a Success Status.
        Assert.NotNull(answer);
        var pod = await fixture.Client.GetAsync(MemberFixture.Pods, "default", "web");
        Assert.NotNull(pod["metadata"]!["deletionTimestamp"]);
        Assert.Equal(30, (long?)pod["metadata"]!["deletionGracePeriodSeconds"]);
        await Eventually.UntilAsync(
            async () => (await TryGetAsync(fixture, "web")) is { } p && !IsReady(p) && (string?)p["status"]?["phase"] == "Running",
            Deadline,
            "terminating pod reported not ready with its phase kept");
        await Eventually.UntilAsync(async () => await TryGetAsync(fixture, "web") is null, Deadline, "kubelet removed the pod");
    }

    [Fact]
    public async Task GracePeriodShorterThanTerminationDelay_CapsIt()
    {
        await using var fixture = await MemberFixture.StartAsync(new MemberProfile { PodTerminationMilliseconds = 60_000 });
        await fixture.Client.CreateAsync(MemberFixture.Pods, Pod("short", terminationGraceSeconds: 1));
        await WaitForReadyAsync(fixture, "short");

        var clock = Stopwatch.StartNew();
        await fixture.Client.DeleteAsync(MemberFixture.Pods, "default", "short");

        Assert.Equal(1, (long?)(await fixture.Client.GetAsync(MemberFixture.Pods, "default", "short"))["metadata"]!["deletionGracePeriodSeconds"]);
        await Eventually.UntilAsync(async () => await TryGetAsync(fixture, "short") is null, Deadline, "pod gone after its 1 s grace period");
        Assert.True(clock.Elapsed >= TimeSpan.FromSeconds(0.9), $"removed after {clock.Elapsed}, before its grace period");
    }

    [Fact]
    public async Task GracePeriodZero_DeletesAtOnce()
    {
        await using var fixture = await MemberFixture.StartAsync(new MemberProfile { PodTerminationMilliseconds = 60_000 });
        await fixture.Client.CreateAsync(MemberFixture.Pods, Pod("now", terminationGraceSeconds: null));
        await WaitForReadyAsync(fixture, "now");

        await fixture.Client.DeleteAsync(MemberFixture.Pods, "default", "now", new DeleteOptions { GracePeriodSeconds = 0 });

        Assert.Null(await TryGetAsync(fixture, "now"));
    }

    [Fact]
    public async Task SecondDeleteWithGraceZero_ForcesTerminatingPodOut()
    {
        await using var fixture = await MemberFixture.StartAsync(new MemberProfile { PodTerminationMilliseconds = 60_000 });
        await fixture.Client.CreateAsync(MemberFixture.Pods, Pod("force", terminationGraceSeconds: null));
        await WaitForReadyAsync(fixture, "force");
        await fixture.Client.DeleteAsync(MemberFixture.Pods, "default", "force");
        Assert.NotNull(await TryGetAsync(fixture, "force"));

        await fixture.Client.DeleteAsync(MemberFixture.Pods, "default", "force", new DeleteOptions { GracePeriodSeconds = 0 });

        Assert.Null(await TryGetAsync(fixture, "force"));
    }

    [Fact]
    public async Task UnboundPod_IsDeletedAtOnce()
    {
        await using var fixture = await MemberFixture.StartAsync(new MemberProfile { PodTerminationMilliseconds = 60_000 });
        var pod = Pod("pending", terminationGraceSeconds: null);
        pod["spec"]!["nodeSelector"] = new JsonObject { ["no-such-label"] = "x" };
        await fixture.Client.CreateAsync(MemberFixture.Pods, pod);

        await fixture.Client.DeleteAsync(MemberFixture.Pods, "default", "pending");

        Assert.Null(await TryGetAsync(fixture, "pending"));
    }

    [Fact]
    public async Task ScaleDown_ReplicaSetCountsTerminatingPodsAsGone()
    {
        await using var fixture = await MemberFixture.StartAsync(new MemberProfile { PodTerminationMilliseconds = 3000 });
        await fixture.Client.CreateAsync(MemberFixture.Deployments, MemberFixture.Deployment("shrink", 3));
        await DeploymentSimulationTests.WaitForDeploymentAsync(fixture, "shrink", 3);

        await fixture.Client.PatchAsync(MemberFixture.Deployments, "default", "shrink", PatchType.Merge, new JsonObject { ["spec"] = new JsonObject { ["replicas"] = 1 } });

        // While two pods are still terminating, the Deployment already reports one replica, and no replacement is made.
        await Eventually.UntilAsync(
            async () =>
            {
                var deployment = await fixture.Client.GetAsync(MemberFixture.Deployments, "default", "shrink");
                return (int?)deployment["status"]?["replicas"] == 1 && (int?)deployment["status"]?["readyReplicas"] == 1;
            },
            Deadline,
            "deployment reports 1 replica");
        var pods = await fixture.PodsAsync("app=shrink");
        Assert.Equal(1, pods.Count(p => p["metadata"]!["deletionTimestamp"] is null));
        await Eventually.UntilAsync(async () => (await fixture.PodsAsync("app=shrink")).Count == 1, Deadline, "terminating pods removed");
        Assert.Null((await fixture.PodsAsync("app=shrink"))[0]["metadata"]!["deletionTimestamp"]);
    }

    private static JsonObject Pod(string name, int? terminationGraceSeconds)
    {
        var spec = new JsonObject { ["containers"] = new JsonArray(new JsonObject { ["name"] = "app", ["image"] = "nginx:1.27" }) };
        if (terminationGraceSeconds is { } grace)
        {
            spec["terminationGracePeriodSeconds"] = grace;
        }

        return new JsonObject
        {
            ["apiVersion"] = "v1",
            ["kind"] = "Pod",
            ["metadata"] = new JsonObject { ["name"] = name, ["namespace"] = "default" },
            ["spec"] = spec,
        };
    }

    private static bool IsReady(JsonObject pod) =>
        pod["status"]?["conditions"] is JsonArray conditions && conditions.Any(c => (string?)c!["type"] == "Ready" && (string?)c["status"] == "True");

    private static async Task WaitForReadyAsync(MemberFixture fixture, string name) =>
        await Eventually.UntilAsync(async () => await TryGetAsync(fixture, name) is { } pod && IsReady(pod), Deadline, $"{name} ready");

    private static async Task<JsonObject?> TryGetAsync(MemberFixture fixture, string name)
    {
        try
        {
            return await fixture.Client.GetAsync(MemberFixture.Pods, "default", name);
        }
        catch (ApiException ex) when (ex.IsNotFound())
        {
            return null;
        }
    }
}
