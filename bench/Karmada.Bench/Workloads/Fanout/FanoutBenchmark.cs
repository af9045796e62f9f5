using System.Diagnostics;
using System.Text.Json.Nodes;
using Karmada.Bench.Infrastructure;
using Karmada.Bench.Measurement;
using Karmada.Bench.Workloads.Clusters;
using Karmada.Bench.Workloads.Propagation;
using Karmada.Client;

namespace Karmada.Bench.Workloads.Fanout;

/// <summary>
/// Issue 8 <c>fanout</c>: one Deployment propagated Duplicated to every one of many lightweight simulated members;
/// <c>secondsToAll</c> runs from the template's create request to the Deployment existing in the last member (seen
/// by a watch on each member). Baseline in the same run: the bench itself creating the same Deployment directly in
/// every member with 16 concurrent clients.
/// </summary>
public static class FanoutBenchmark
{
    private const string Namespace = "fanout";
    private const string RawNamespace = "fanout-raw";
    private const string AppName = "fanout-app";
    private const int RawClients = 16;
    private static readonly TimeSpan IdleWindow = TimeSpan.FromSeconds(3);
    private static readonly ResourceRef PropagationPolicies = new("policy.karmada.io", "v1alpha1", "propagationpolicies", Namespaced: true);

    public static async Task<FanoutReport> RunAsync(FanoutBenchSettings settings, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var report = new FanoutReport();
        using var data = new ScratchDirectory("fanout");
        Progress($"starting the control plane and {settings.Members} members x {settings.NodesPerMember} nodes");
        await using var fleet = await ClusterFleet.StartAsync(data.Path, settings.Members, settings.NodesPerMember, settings.Backend, Progress, cancellationToken);
        await fleet.StartComponentsAsync(cancellationToken);
        Progress($"joining {settings.Members} members at {settings.JoinsPerSecond}/s");
        var (ready, joinLatency, _) = await fleet.JoinAllAsync(settings.JoinsPerSecond, TimeSpan.FromSeconds(Math.Max(120, settings.Members / 5)), Progress, cancellationToken);
        report.JoinedReady = ready;
        report.JoinToReady = joinLatency;

        var clients = new List<KubeApiClient>();
        var watchers = new List<ArrivalWatcher>();
        try
        {
            foreach (var member in fleet.Members)
            {
                clients.Add(await KubeApiClient.FromKubeconfigAsync(member.KubeconfigPath, options: new KubeApiClientOptions { Qps = 0, UserAgent = "karmada-bench" }));
            }

            Progress("baseline: the Deployment created directly in every member");
            await LoadRunner.RunAsync("namespaces", clients.Count, 16, async (_, i, ct) => await clients[i].CreateAsync(ResourceRef.Namespaces, NamespaceObject(RawNamespace), cancellationToken: ct), cancellationToken);
            using var stats = new ControllerStats();
            var rawCost = PhaseCost.Start(clients.Count);
            var raw = await LoadRunner.RunAsync("raw", clients.Count, RawClients, async (_, i, ct) => await clients[i].CreateAsync(PropagationBenchObjects.Deployments, Deployment(RawNamespace, settings.Replicas), cancellationToken: ct), cancellationToken);
            report.RawToAll = raw.Elapsed;
            report.RawLatency = raw.Latency;
            report.Raw = rawCost.Stop();
            report.RawControllers = MemberLinesFolding.Fold(stats.Describe());

            Progress($"namespace {Namespace} on the control plane, waiting for it in every member");
            await fleet.ControlPlane.CreateAsync(ResourceRef.Namespaces, NamespaceObject(Namespace), cancellationToken: cancellationToken);
            await WaitForNamespaceAsync(clients, cancellationToken);

            watchers.AddRange(clients.Select(c => ArrivalWatcher.Start(c, PropagationBenchObjects.Deployments)));
            await fleet.ControlPlane.CreateAsync(PropagationPolicies, Policy(), cancellationToken: cancellationToken);

            // Give the watches time to be established (they list first), so arrivals are seen when they happen; then
            // measure what the process burns doing nothing, the floor under both the baseline and the fan-out.
            await Task.Delay(TimeSpan.FromSeconds(2), cancellationToken);
            var idle = PhaseCost.Start(clients.Count);
            await Task.Delay(IdleWindow, cancellationToken);
            report.IdleCores = idle.Stop().Cores;
            Progress("fan-out: one Duplicated Deployment to every member");
            stats.Reset();
            var fanout = PhaseCost.Start(clients.Count);
            var sent = Stopwatch.GetTimestamp();
            await fleet.ControlPlane.CreateAsync(PropagationBenchObjects.Deployments, Deployment(Namespace, settings.Replicas), cancellationToken: cancellationToken);
            var deadline = sent + (Stopwatch.Frequency * Math.Max(120, settings.Members / 5));
            while (watchers.Any(w => !w.TryGet(Namespace, AppName, out _)) && Stopwatch.GetTimestamp() < deadline)
            {
                await Task.Delay(20, cancellationToken);
            }

            var ticks = new long[watchers.Count];
            var n = 0;
            long last = sent;
            foreach (var watcher in watchers)
            {
                if (watcher.TryGet(Namespace, AppName, out var at))
                {
                    ticks[n++] = at - sent;
                    last = Math.Max(last, at);
                }
            }

            report.Arrived = n;
            report.Arrival = LatencySummary.FromTicks(ticks, n);
            report.ToAll = Stopwatch.GetElapsedTime(sent, last);
            report.Fanout = fanout.Stop();
            report.FanoutControllers = MemberLinesFolding.Fold(stats.Describe());
            report.Cores = report.Fanout.Cores;
            report.ThreadPoolThreads = ThreadPool.ThreadCount;
            report.RssBytes = await ResourceProbe.SettledRssBytesAsync(cancellationToken);
        }
        finally
        {
            foreach (var watcher in watchers)
            {
                await watcher.DisposeAsync();
            }

            foreach (var client in clients)
            {
                client.Dispose();
            }
        }

        Progress("stopping");
        return report;
    }

    private static async Task WaitForNamespaceAsync(IReadOnlyList<KubeApiClient> clients, CancellationToken cancellationToken)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(TimeSpan.FromMinutes(3));
        foreach (var client in clients)
        {
            while (true)
            {
                try
                {
                    await client.GetAsync(ResourceRef.Namespaces, null, Namespace, timeout.Token);
                    break;
                }
                catch (ApiException ex) when (ex.IsNotFound())
                {
                    await Task.Delay(50, timeout.Token);
                }
            }
        }
    }

    private static JsonObject NamespaceObject(string name) =>
        new() { ["apiVersion"] = "v1", ["kind"] = "Namespace", ["metadata"] = new JsonObject { ["name"] = name } };

    private static JsonObject Policy() => new()
    {
        ["apiVersion"] = "policy.karmada.io/v1alpha1",
        ["kind"] = "PropagationPolicy",
        ["metadata"] = new JsonObject { ["name"] = AppName, ["namespace"] = Namespace },
        ["spec"] = new JsonObject
        {
            ["resourceSelectors"] = new JsonArray(new JsonObject { ["apiVersion"] = "apps/v1", ["kind"] = "Deployment", ["name"] = AppName }),
            ["placement"] = new JsonObject
            {
                ["replicaScheduling"] = new JsonObject { ["replicaSchedulingType"] = "Duplicated" },
            },
        },
    };

    private static JsonObject Deployment(string ns, int replicas) => new()
    {
        ["apiVersion"] = "apps/v1",
        ["kind"] = "Deployment",
        ["metadata"] = new JsonObject { ["name"] = AppName, ["namespace"] = ns, ["labels"] = new JsonObject { ["app"] = AppName } },
        ["spec"] = new JsonObject
        {
            ["replicas"] = replicas,
            ["selector"] = new JsonObject { ["matchLabels"] = new JsonObject { ["app"] = AppName } },
            ["template"] = new JsonObject
            {
                ["metadata"] = new JsonObject { ["labels"] = new JsonObject { ["app"] = AppName } },
                ["spec"] = new JsonObject
                {
                    ["containers"] = new JsonArray(new JsonObject
                    {
                        ["name"] = "app",
                        ["image"] = "nginx:1.27",
                        ["resources"] = new JsonObject { ["requests"] = new JsonObject { ["cpu"] = "10m", ["memory"] = "16Mi" } },
                    }),
                },
            },
        },
    };

    private static void Progress(string step) => Console.Error.WriteLine($"[fanout] {step}");
}
