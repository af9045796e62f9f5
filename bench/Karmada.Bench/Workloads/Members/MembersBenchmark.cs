using System.Diagnostics;
using System.Globalization;
using System.Text.Json.Nodes;
using Karmada.Bench.Infrastructure;
using Karmada.Bench.Measurement;
using Karmada.Client;
using Karmada.Member;
using Karmada.Member.Profiles;
using Microsoft.Extensions.Logging.Abstractions;

namespace Karmada.Bench.Workloads.Members;

/// <summary>
/// Issue 3's simulator footprint: fleets of simulated members (each a whole API server plus simulated controllers,
/// scheduler and kubelets) hosted in this process, measured idle (RSS, managed heap, CPU over a quiet window) and
/// under Deployments created directly in the members (create → every replica Ready, pods Ready per second, CPU),
/// beside the empty process and a single member without nodes measured in the same run.
/// </summary>
public static class MembersBenchmark
{
    private const string Namespace = "default";
    private const int StartConcurrency = 4;
    private static readonly TimeSpan Settle = TimeSpan.FromSeconds(5);

    public static async Task<(MembersBaseline Baseline, IReadOnlyList<MembersFleetResult> Fleets)> RunAsync(MembersBenchSettings settings, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(settings);
        using var data = new ScratchDirectory("members");
        Progress("baseline: empty process");
        var emptyRss = await ResourceProbe.SettledRssBytesAsync(cancellationToken);
        var emptyManaged = GC.GetTotalMemory(forceFullCollection: false);
        var (emptyIdle, _) = await IdleAsync(settings.IdleWindow, cancellationToken);

        Progress("baseline: one member with no nodes");
        MembersBaseline baseline;
        await using (var fleet = await StartFleetAsync(Path.Combine(data.Path, "baseline"), 1, 0, cancellationToken))
        {
            var rss = await ResourceProbe.SettledRssBytesAsync(cancellationToken);
            var managed = GC.GetTotalMemory(forceFullCollection: false);
            var (idle, _) = await IdleAsync(settings.IdleWindow, cancellationToken);
            baseline = new MembersBaseline(emptyRss, emptyManaged, emptyIdle, rss, managed, idle);
        }

        var results = new List<MembersFleetResult>();
        foreach (var count in settings.MemberCounts)
        {
            results.Add(await RunFleetAsync(settings, count, Path.Combine(data.Path, count.ToString(CultureInfo.InvariantCulture)), cancellationToken));
        }

        return (baseline, results);
    }

    private static async Task<MembersFleetResult> RunFleetAsync(MembersBenchSettings settings, int count, string directory, CancellationToken cancellationToken)
    {
        Progress($"{count} members x {settings.NodesPerMember} nodes: starting");
        var startProbe = ResourceProbe.Take();
        var clock = Stopwatch.StartNew();
        await using var fleet = await StartFleetAsync(directory, count, settings.NodesPerMember, cancellationToken);
        var startElapsed = clock.Elapsed;
        var startCores = Cores(ResourceProbe.Take().Since(startProbe), startElapsed);

        Progress($"{count} members: idle for {settings.IdleWindow.TotalSeconds:0}s");
        var idleRss = await ResourceProbe.SettledRssBytesAsync(cancellationToken);
        var idleManaged = GC.GetTotalMemory(forceFullCollection: false);
        var (idleCores, idleAllocated) = await IdleAsync(settings.IdleWindow, cancellationToken);

        Progress($"{count} members: {settings.Deployments} Deployments x {settings.Replicas} replicas");

        // Counted from the first create to the end of the idle window after it, so writes that trail the last
        // Ready (status catching up) are in.
        using var activity = new MemberActivity();
        var (ready, loadElapsed, loadCores, loadSpent, latency) = await LoadAsync(settings, fleet, cancellationToken);

        Progress($"{count} members: idle with the Deployments for {settings.IdleWindow.TotalSeconds:0}s");
        var loadedRss = await ResourceProbe.SettledRssBytesAsync(cancellationToken);
        var loadedManaged = GC.GetTotalMemory(forceFullCollection: false);
        var (loadedIdleCores, _) = await IdleAsync(settings.IdleWindow, cancellationToken);
        Progress($"{count} members: stopping");
        return new MembersFleetResult(
            count, settings.NodesPerMember, startElapsed, startCores, idleRss, idleManaged, idleCores, idleAllocated,
            settings.Deployments, ready, settings.Deployments * settings.Replicas, loadElapsed, loadCores, latency, loadedRss, loadedManaged, loadedIdleCores)
        {
            LoadCpu = loadSpent.Cpu,
            LoadAllocatedBytes = loadSpent.AllocatedBytes,
            MemberRequests = activity.Requests,
            MemberWrites = activity.Writes,
            Reconciles = activity.Reconciles,
        };
    }

    // Round-robin over the members, closed loop with a few clients; each Deployment's latency runs from its create
    // being sent to the member reporting all replicas ready.
    private static async Task<(int Ready, TimeSpan Elapsed, double Cores, ResourceDelta Spent, LatencySummary Latency)> LoadAsync(MembersBenchSettings settings, Fleet fleet, CancellationToken cancellationToken)
    {
        var watchers = fleet.Clients.Select(ReadyDeploymentWatcher.Start).ToList();
        try
        {
            var sent = new long[settings.Deployments];
            var probe = ResourceProbe.Take();
            var start = Stopwatch.GetTimestamp();
            var result = await LoadRunner.RunAsync("deployments", settings.Deployments, settings.Concurrency, async (_, index, ct) =>
            {
                var client = fleet.Clients[index % fleet.Clients.Count];
                sent[index] = Stopwatch.GetTimestamp();
                await client.CreateAsync(ReadyDeploymentWatcher.Deployments, Deployment(index, settings.Replicas), cancellationToken: ct);
            }, cancellationToken);
            if (result.Errors > 0)
            {
                throw new InvalidOperationException($"{result.Errors} of {settings.Deployments} Deployments failed to create");
            }

            var deadline = Stopwatch.GetTimestamp() + (Stopwatch.Frequency * Math.Max(120, settings.Deployments / 5));
            while (watchers.Sum(w => w.ReadyCount) < settings.Deployments && Stopwatch.GetTimestamp() < deadline)
            {
                await Task.Delay(100, cancellationToken);
            }

            var ready = watchers.Sum(w => w.ReadyCount);
            var last = watchers.Max(w => w.LastReady);
            var elapsed = Stopwatch.GetElapsedTime(start, last == 0 ? Stopwatch.GetTimestamp() : last);
            var spent = ResourceProbe.Take().Since(probe);
            var cores = Cores(spent, Stopwatch.GetElapsedTime(start));
            if (ready < settings.Deployments)
            {
                Progress($"only {ready} of {settings.Deployments} Deployments became ready");
            }

            var ticks = new long[settings.Deployments];
            var n = 0;
            for (var i = 0; i < settings.Deployments; i++)
            {
                var watcher = watchers[i % fleet.Clients.Count];
                if (watcher.TryGetReady(Namespace, Name(i), out var at))
                {
                    ticks[n++] = at - sent[i];
                }
            }

            return (ready, elapsed, cores, spent, LatencySummary.FromTicks(ticks, n));
        }
        finally
        {
            foreach (var watcher in watchers)
            {
                await watcher.DisposeAsync();
            }
        }
    }

    // After a settling pause (background tiered JIT and the GCs of the RSS measurement finish in it), the process CPU
    // and allocation rate over a quiet window.
    private static async Task<(double Cores, double AllocatedMbPerSecond)> IdleAsync(TimeSpan window, CancellationToken cancellationToken)
    {
        await Task.Delay(Settle, cancellationToken);
        var probe = ResourceProbe.Take();
        var clock = Stopwatch.StartNew();
        await Task.Delay(window, cancellationToken);
        var delta = ResourceProbe.Take().Since(probe);
        return (Cores(delta, clock.Elapsed), delta.AllocatedBytes / (1024.0 * 1024) / clock.Elapsed.TotalSeconds);
    }

    private static double Cores(ResourceDelta delta, TimeSpan elapsed) => elapsed.TotalSeconds > 0 ? delta.Cpu.TotalSeconds / elapsed.TotalSeconds : 0;

    private static async Task<Fleet> StartFleetAsync(string directory, int count, int nodes, CancellationToken cancellationToken)
    {
        var fleet = new Fleet();
        try
        {
            using var gate = new SemaphoreSlim(StartConcurrency);
            var started = await Task.WhenAll(Enumerable.Range(1, count).Select(async i =>
            {
                await gate.WaitAsync(cancellationToken);
                try
                {
                    var member = await MemberCluster.StartAsync(
                        new MemberOptions
                        {
                            Name = string.Create(CultureInfo.InvariantCulture, $"member{i}"),
                            DataDirectory = directory,
                            Profile = new MemberProfile { Nodes = nodes },
                        },
                        NullLoggerFactory.Instance,
                        cancellationToken);
                    lock (fleet)
                    {
                        fleet.Members.Add(member);
                    }

                    return member;
                }
                finally
                {
                    gate.Release();
                }
            }));
            foreach (var member in started)
            {
                fleet.Clients.Add(await KubeApiClient.FromKubeconfigAsync(member.KubeconfigPath, options: new KubeApiClientOptions { Qps = 0, UserAgent = "karmada-bench" }));
            }

            return fleet;
        }
        catch
        {
            await fleet.DisposeAsync();
            throw;
        }
    }

    private static string Name(int index) => string.Create(CultureInfo.InvariantCulture, $"load-{index}");

    private static JsonObject Deployment(int index, int replicas)
    {
        var name = Name(index);
        return new JsonObject
        {
            ["apiVersion"] = "apps/v1",
            ["kind"] = "Deployment",
            ["metadata"] = new JsonObject { ["name"] = name, ["namespace"] = Namespace, ["labels"] = new JsonObject { ["app"] = name } },
            ["spec"] = new JsonObject
            {
                ["replicas"] = replicas,
                ["selector"] = new JsonObject { ["matchLabels"] = new JsonObject { ["app"] = name } },
                ["template"] = new JsonObject
                {
                    ["metadata"] = new JsonObject { ["labels"] = new JsonObject { ["app"] = name } },
                    ["spec"] = new JsonObject
                    {
                        ["containers"] = new JsonArray(new JsonObject
                        {
                            ["name"] = "app",
                            ["image"] = "nginx:1.27",
                            ["resources"] = new JsonObject { ["requests"] = new JsonObject { ["cpu"] = "100m", ["memory"] = "128Mi" } },
                        }),
                    },
                },
            },
        };
    }

    private static void Progress(string step) => Console.Error.WriteLine($"[members] {step}");

    /// <summary>The members of one fleet and a client of each, in member order.</summary>
    private sealed class Fleet : IAsyncDisposable
    {
        public List<MemberCluster> Members { get; } = [];

        public List<KubeApiClient> Clients { get; } = [];

        public async ValueTask DisposeAsync()
        {
            foreach (var client in Clients)
            {
                client.Dispose();
            }

            await Task.WhenAll(Members.Select(m => m.DisposeAsync().AsTask()));
            Members.Clear();
        }
    }
}
