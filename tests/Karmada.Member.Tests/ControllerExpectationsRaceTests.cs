using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using Karmada.Client;
using Karmada.Testing;

namespace Karmada.Member.Tests;

/// <summary>
/// Hammers the window between a controller's pod writes and its informer seeing them: a controller that acts on a
/// pod list older than its expectations creates surplus pods, which it then deletes. Workloads that only ever grow
/// (Deployments scaled up step by step, Jobs whose pods all succeed) must never have a pod deleted and must end with
/// exactly the pods they asked for.
/// </summary>
public sealed class ControllerExpectationsRaceTests
{
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(90);

    [Fact]
    public async Task DeploymentsScaledUpInQuickSteps_NeverCreateASurplusPod()
    {
        // Large ReplicaSets: the longer a reconcile takes to read its pods, the likelier a pod event lands in between
        // (before the fix this failed 5 runs in 8 with these sizes, 1 in 6 with 8 x 120, 1 in 15 with 12 x 10).
        const int deployments = 4;
        const int finalReplicas = 300;
        var profile = new Profiles.MemberProfile();
        profile.Capacity["pods"] = "1000";
        await using var fixture = await MemberFixture.StartAsync(profile);
        await using var watch = await PodWatch.StartAsync(fixture);

        await Task.WhenAll(Enumerable.Range(0, deployments).Select(async i =>
        {
            var name = $"grow-{i}";
            await fixture.Client.CreateAsync(MemberFixture.Deployments, MemberFixture.Deployment(name, 1));
            // Each step lands while the pods of the previous one are being written and observed.
            for (var replicas = 30; replicas <= finalReplicas; replicas += 30)
            {
                var patch = new JsonObject { ["spec"] = new JsonObject { ["replicas"] = replicas } };
                await fixture.Client.PatchAsync(MemberFixture.Deployments, "default", name, PatchType.Merge, patch);
            }
        }));

        for (var i = 0; i < deployments; i++)
        {
            await DeploymentSimulationTests.WaitForDeploymentAsync(fixture, $"grow-{i}", finalReplicas);
        }

        var pods = await watch.CaughtUpAsync();
        var replicaSets = (await fixture.Client.ListAsync(MemberFixture.ReplicaSets, "default")).Items;
        Assert.Equal(deployments, replicaSets.Count);
        foreach (var rs in replicaSets)
        {
            var name = (string)rs["metadata"]!["name"]!;
            Assert.Equal(finalReplicas, (int?)rs["spec"]!["replicas"]);
            Assert.Equal(finalReplicas, pods.Count(p => p.Owner == name));
        }

        Assert.Empty(watch.Deleted);
    }

    [Fact]
    public async Task JobsWhosePodsAllSucceed_CreateExactlyTheirCompletions()
    {
        const int jobs = 10;
        const int completions = 8;
        await using var fixture = await MemberFixture.StartAsync(new Profiles.MemberProfile { PodStartupMilliseconds = 20, JobPodRunMilliseconds = 50 });
        await using var watch = await PodWatch.StartAsync(fixture);

        await Task.WhenAll(Enumerable.Range(0, jobs).Select(i => fixture.Client.CreateAsync(MemberFixture.Jobs, Job($"batch-{i}", completions, parallelism: 3))));

        for (var i = 0; i < jobs; i++)
        {
            var name = $"batch-{i}";
            await Eventually.UntilAsync(
                async () => SucceededWhenComplete(await fixture.Client.GetAsync(MemberFixture.Jobs, "default", name)) == completions,
                Deadline,
                $"job {name} complete");
        }

        var pods = await watch.CaughtUpAsync();
        for (var i = 0; i < jobs; i++)
        {
            Assert.Equal(completions, pods.Count(p => p.Owner == $"batch-{i}"));
        }

        Assert.Empty(watch.Deleted);

        static int? SucceededWhenComplete(JsonObject job) =>
            job["status"]?["conditions"] is JsonArray conditions && conditions.Any(c => (string?)c!["type"] == "Complete" && (string?)c["status"] == "True")
                ? (int?)job["status"]!["succeeded"]
                : null;
    }

    private static JsonObject Job(string name, int completions, int parallelism) => new()
    {
        ["apiVersion"] = "batch/v1",
        ["kind"] = "Job",
        ["metadata"] = new JsonObject { ["name"] = name, ["namespace"] = "default" },
        ["spec"] = new JsonObject
        {
            ["completions"] = completions,
            ["parallelism"] = parallelism,
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

    /// <summary>Every pod of the namespace that ever existed (by its controller's name) and every one deleted.</summary>
    private sealed class PodWatch : IAsyncDisposable
    {
        private readonly MemberFixture _fixture;
        private readonly CancellationTokenSource _stop = new();
        private readonly ConcurrentDictionary<string, string> _owners = new(StringComparer.Ordinal);
        private readonly ConcurrentQueue<string> _deleted = new();
        private Task _loop = Task.CompletedTask;

        private PodWatch(MemberFixture fixture) => _fixture = fixture;

        /// <summary>Pods that were given a deletionTimestamp or deleted, as "NAME (owner OWNER)".</summary>
        public IReadOnlyCollection<string> Deleted => [.. _deleted];

        public static async Task<PodWatch> StartAsync(MemberFixture fixture)
        {
            var watch = new PodWatch(fixture);
            var start = await fixture.Client.ListAsync(MemberFixture.Pods, "default");
            watch._loop = Task.Run(() => watch.RunAsync(start.ResourceVersion));
            return watch;
        }

        /// <summary>Waits until the watch has seen every pod the API server lists now; returns all pods seen.</summary>
        public async Task<List<(string Name, string? Owner)>> CaughtUpAsync()
        {
            var listed = (await _fixture.Client.ListAsync(MemberFixture.Pods, "default")).Items.Select(p => (string)p["metadata"]!["name"]!).ToList();
            await Eventually.UntilAsync(() => listed.All(_owners.ContainsKey), Deadline, "pod watch caught up with the list");
            return [.. _owners.Select(p => (p.Key, (string?)p.Value))];
        }

        public async ValueTask DisposeAsync()
        {
            await _stop.CancelAsync();
#pragma warning disable VSTHRD003 // the loop was started by this object and ends on its own token
            await _loop;
#pragma warning restore VSTHRD003
            _stop.Dispose();
        }

        private async Task RunAsync(string? resourceVersion)
        {
            try
            {
                await foreach (var e in _fixture.Client.WatchAsync(MemberFixture.Pods, "default", new WatchOptions { ResourceVersion = resourceVersion }, _stop.Token))
                {
                    if (e.Type is not (WatchEventType.Added or WatchEventType.Modified or WatchEventType.Deleted))
                    {
                        continue;
                    }

                    var name = (string)e.Object["metadata"]!["name"]!;
                    var owner = e.Object["metadata"]?["ownerReferences"]?[0]?["name"]?.GetValue<string>() ?? "";
                    _owners.TryAdd(name, owner);
                    if (e.Type == WatchEventType.Deleted || e.Object["metadata"]?["deletionTimestamp"] is not null)
                    {
                        _deleted.Enqueue($"{name} (owner {owner})");
                    }
                }
            }
            catch (OperationCanceledException) when (_stop.IsCancellationRequested)
            {
            }
        }
    }
}
