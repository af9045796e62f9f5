using System.Text.Json.Nodes;
using Karmada.Client;
using Karmada.Member.Faults;
using Karmada.Testing;

namespace Karmada.Member.Tests;

public sealed class WorkloadSimulationTests
{
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task Job_WithThreeCompletions_Completes()
    {
        await using var fixture = await MemberFixture.StartAsync(new Profiles.MemberProfile { JobPodRunMilliseconds = 200 });
        var job = new JsonObject
        {
            ["apiVersion"] = "batch/v1",
            ["kind"] = "Job",
            ["metadata"] = new JsonObject { ["name"] = "batch", ["namespace"] = "default" },
            ["spec"] = new JsonObject
            {
                ["completions"] = 3,
                ["parallelism"] = 2,
                ["template"] = new JsonObject
                {
                    ["spec"] = new JsonObject
                    {
                        ["restartPolicy"] = "Never",
                        ["containers"] = new JsonArray(new JsonObject { ["name"] = "work", ["image"] = "busybox" }),
                    },
                },
            },
        };
        await fixture.Client.CreateAsync(MemberFixture.Jobs, job);

        JsonObject? current = null;
        await Eventually.UntilAsync(
            async () =>
            {
                current = await fixture.Client.GetAsync(MemberFixture.Jobs, "default", "batch");
                return current["status"]?["conditions"] is JsonArray conditions
                    && conditions.Any(c => (string?)c!["type"] == "Complete" && (string?)c["status"] == "True");
            },
            Deadline,
            "job complete");
        Assert.Equal(3, (int?)current!["status"]!["succeeded"]);
        Assert.NotNull(current["status"]!["completionTime"]);
        var pods = await fixture.PodsAsync("job-name=batch");
        Assert.Equal(3, pods.Count);
        Assert.All(pods, p => Assert.Equal("Succeeded", (string?)p["status"]?["phase"]));
    }

    [Fact]
    public async Task RollingUpdate_NeverExceedsSurgeAndReplacesAllPods()
    {
        await using var fixture = await MemberFixture.StartAsync();
        var strategy = new JsonObject
        {
            ["type"] = "RollingUpdate",
            ["rollingUpdate"] = new JsonObject { ["maxSurge"] = 1, ["maxUnavailable"] = 0 },
        };
        await fixture.Client.CreateAsync(MemberFixture.Deployments, MemberFixture.Deployment("roll", 4, strategy: strategy));
        await DeploymentSimulationTests.WaitForDeploymentAsync(fixture, "roll", 4);
        var start = await fixture.Client.ListAsync(MemberFixture.Pods, "default", new ListOptions { LabelSelector = "app=roll" });
        var live = start.Items.Select(p => (string)p["metadata"]!["name"]!).ToHashSet();
        var maxLive = live.Count;
        var trace = new List<string>();
        using var watching = new CancellationTokenSource();
        var watch = Task.Run(async () =>
        {
            try
            {
                await foreach (var e in fixture.Client.WatchAsync(MemberFixture.Pods, "default", new WatchOptions { LabelSelector = "app=roll", ResourceVersion = start.ResourceVersion }, watching.Token))
                {
                    if (e.Type is not (WatchEventType.Added or WatchEventType.Modified or WatchEventType.Deleted))
                    {
                        continue;
                    }

                    var name = (string)e.Object["metadata"]!["name"]!;
                    // Terminating pods no longer count against the surge, as upstream's Deployment controller counts them.
                    if (e.Type == WatchEventType.Deleted || (string?)e.Object["status"]?["phase"] is "Succeeded" or "Failed" || e.Object["metadata"]?["deletionTimestamp"] is not null)
                    {
                        live.Remove(name);
                    }
                    else
                    {
                        live.Add(name);
                    }

                    maxLive = Math.Max(maxLive, live.Count);
                    trace.Add($"{e.Type} {name} {(string?)e.Object["status"]?["phase"]} rv={(string?)e.Object["metadata"]?["resourceVersion"]} live={live.Count}");
                }
            }
            catch (OperationCanceledException) when (watching.IsCancellationRequested)
            {
            }
        });

        var patch = JsonNode.Parse("""{"spec":{"template":{"spec":{"containers":[{"name":"app","image":"nginx:1.28"}]}}}}""")!;
        await fixture.Client.PatchAsync(MemberFixture.Deployments, "default", "roll", PatchType.Strategic, patch);
        await Eventually.UntilAsync(
            async () =>
            {
                var pods = await fixture.PodsAsync("app=roll");
                return pods.Count == 4 && pods.All(p => (string?)p["spec"]!["containers"]![0]!["image"] == "nginx:1.28" && (string?)p["status"]?["phase"] == "Running");
            },
            Deadline,
            "all pods replaced");
        await DeploymentSimulationTests.WaitForDeploymentAsync(fixture, "roll", 4);
        await watching.CancelAsync();
        await watch;

        Assert.True(maxLive is >= 4 and <= 5, $"at most 5 pods at once, saw {maxLive}:\n{string.Join('\n', trace)}");
        var replicaSets = await fixture.Client.ListAsync(MemberFixture.ReplicaSets, "default");
        Assert.Equal(2, replicaSets.Items.Count);
        Assert.Contains(replicaSets.Items, rs => (string?)rs["metadata"]!["annotations"]!["deployment.kubernetes.io/revision"] == "2" && (int?)rs["spec"]!["replicas"] == 4);
    }

    [Fact]
    public async Task Faults_FromFile_FailRequestsAndHealRestores()
    {
        await using var fixture = await MemberFixture.StartAsync();
        var path = FaultStateFile.PathFor(fixture.DataDirectory, "member1");

        await FaultStateFile.WriteAsync(path, FaultState.Healthy.Apply("errors=100"), CancellationToken.None);
        await Eventually.UntilAsync(
            async () =>
            {
                try
                {
                    await fixture.Client.ListAsync(MemberFixture.Nodes, null);
                    return false;
                }
                catch (ApiException ex) when ((int)ex.StatusCode == 500)
                {
                    return true;
                }
            },
            Deadline,
            "requests fail with 500");

        await FaultStateFile.WriteAsync(path, FaultState.Healthy.Apply("notready-nodes=2"), CancellationToken.None);
        await Eventually.UntilAsync(
            async () =>
            {
                // Until the member reads the new file, requests still fail.
                if (await NodesUnlessFailingAsync(fixture) is not { } nodes)
                {
                    return false;
                }

                return nodes.Count(n => n["status"]!["conditions"]!.AsArray().Any(c => (string?)c!["type"] == "Ready" && (string?)c["status"] == "False")) == 2;
            },
            Deadline,
            "two nodes NotReady");

        await FaultStateFile.WriteAsync(path, FaultState.Healthy, CancellationToken.None);
        await Eventually.UntilAsync(
            async () =>
            {
                var nodes = (await fixture.Client.ListAsync(MemberFixture.Nodes, null)).Items;
                return nodes.All(n => n["status"]!["conditions"]!.AsArray().Any(c => (string?)c!["type"] == "Ready" && (string?)c["status"] == "True"));
            },
            Deadline,
            "nodes Ready again");
    }

    private static async Task<IReadOnlyList<JsonObject>?> NodesUnlessFailingAsync(MemberFixture fixture)
    {
        try
        {
            return (await fixture.Client.ListAsync(MemberFixture.Nodes, null)).Items;
        }
        catch (ApiException ex) when ((int)ex.StatusCode == 500)
        {
            return null;
        }
    }

    [Theory]
    [InlineData("slow=250", false, 250, 0, 0)]
    [InlineData("errors=30", false, 0, 30, 0)]
    [InlineData("unreachable", true, 0, 0, 0)]
    [InlineData("notready-nodes=2", false, 0, 0, 2)]
    public void FaultState_Apply_ParsesArguments(string argument, bool unreachable, int latency, int errors, int notReady)
    {
        var state = FaultState.Healthy.Apply(argument);
        Assert.Equal(new FaultState { Unreachable = unreachable, LatencyMilliseconds = latency, ErrorPercent = errors, NotReadyNodes = notReady }, state);
        Assert.Equal(FaultState.Healthy, state.Apply("healthy"));
        Assert.Throws<ArgumentException>(() => state.Apply("errors=101"));
    }

    [Fact]
    public void Profile_Parse_ReadsYamlAndDefaults()
    {
        var profile = Profiles.MemberProfileLoader.Parse("""
            nodes: 5
            region: eu-west-1
            zones: [eu-west-1a]
            kubernetesVersion: v1.29.4
            capacity: {cpu: "16", memory: 64Gi, pods: "50"}
            taints:
            - {key: dedicated, value: gpu, effect: NoSchedule}
            """);
        Assert.Equal(5, profile.Nodes);
        Assert.Equal("16", profile.Capacity["cpu"]);
        Assert.Equal("NoSchedule", profile.Taints.Single().Effect);
        Assert.Equal(("1", "29"), Profiles.MemberProfileLoader.MajorMinor(profile.KubernetesVersion));
        Assert.Equal(100, profile.PodStartupMilliseconds);
        Assert.Throws<ArgumentException>(() => Profiles.MemberProfileLoader.Parse("kubernetesVersion: 1.29"));
    }
}
