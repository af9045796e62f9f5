using System.Diagnostics;
using System.Text.Json.Nodes;
using Karmada.Bench.Infrastructure;
using Karmada.Bench.Measurement;
using Karmada.Client;
using Karmada.Host.Up;
using Karmada.Storage;
using Microsoft.Extensions.Logging.Abstractions;

namespace Karmada.Bench.Workloads.Propagation;

/// <summary>
/// Issue 6 <c>propagation</c>: a whole Karmada in this process (API server, controller manager, scheduler and
/// simulated members, as <c>karmada up</c> runs it), then N applications (ConfigMap + Deployment + PropagationPolicy
/// with propagateDeps) created paced and then unpaced. Distribution is observed the way a user of a member would:
/// by watches on every member, noting when the Deployment and its ConfigMap first exist there.
/// </summary>
public static class PropagationBenchmark
{
    private const string BaselineNamespace = "bench-baseline";
    private const string PacedNamespace = "bench-paced";
    private const string BurstNamespace = "bench-burst";
    private static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(50);

    public static async Task<PropagationReport> RunAsync(PropagationBenchSettings settings, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var report = new PropagationReport();
        using var data = new ScratchDirectory("propagation");
        Progress($"starting karmada with {settings.Members} simulated members");
        var options = new UpOptions
        {
            DataDirectory = data.Path,
            Members = settings.Members,
            SecurePort = FreePort.Next(),
            Storage = new StorageOptions { Backend = settings.Backend },
        };
        var (karmada, notReady) = await LocalKarmada.StartAsync(options, Console.Error, NullLoggerFactory.Instance, cancellationToken);
        await using (karmada)
        {
            if (notReady.Count > 0)
            {
                throw new InvalidOperationException($"members not Ready: {string.Join("; ", notReady)}");
            }

            var clientOptions = new KubeApiClientOptions { Qps = 0, UserAgent = "karmada-bench" };
            using var controlPlane = await KubeApiClient.FromKubeconfigAsync(karmada.Layout.ControlPlaneKubeconfig, options: clientOptions);
            var members = new Dictionary<string, KubeApiClient>(StringComparer.Ordinal);
            var watchers = new List<ArrivalWatcher>();
            try
            {
                foreach (var member in karmada.Members)
                {
                    members[member.Name] = await KubeApiClient.FromKubeconfigAsync(member.KubeconfigPath, options: clientOptions);
                }

                foreach (var ns in new[] { BaselineNamespace, PacedNamespace, BurstNamespace })
                {
                    await CreateNamespaceEverywhereAsync(controlPlane, members.Values, ns, cancellationToken);
                }

                var arrivals = new Arrivals(
                    members.ToDictionary(m => m.Key, m => Track(ArrivalWatcher.Start(m.Value, PropagationBenchObjects.Deployments)), StringComparer.Ordinal),
                    members.ToDictionary(m => m.Key, m => Track(ArrivalWatcher.Start(m.Value, ResourceRef.ConfigMaps)), StringComparer.Ordinal),
                    settings);
                var works = Track(ArrivalWatcher.Start(controlPlane, PropagationBenchObjects.Works));

                await RunBaselineAsync(settings, controlPlane, members[karmada.Members[0].Name], report, cancellationToken);
                using var controllers = new ControllerStats();
                await RunPacedAsync(settings, controlPlane, arrivals, report, cancellationToken);
                Progress($"paced phase, controllers:{Environment.NewLine}{controllers.Describe()}");
                controllers.Reset();
                await RunBurstAsync(settings, controlPlane, arrivals, works, report, cancellationToken);
                Progress($"unpaced phase, controllers:{Environment.NewLine}{controllers.Describe()}");
                report.RssBytesAfter = await ResourceProbe.SettledRssBytesAsync(cancellationToken);
            }
            finally
            {
                foreach (var watcher in watchers)
                {
                    await watcher.DisposeAsync();
                }

                foreach (var member in members.Values)
                {
                    member.Dispose();
                }
            }

            ArrivalWatcher Track(ArrivalWatcher watcher)
            {
                watchers.Add(watcher);
                return watcher;
            }
        }

        return report;
    }

    // The raw cost of the same objects: Deployment creates on the control plane (no policy matches them) and directly in a member.
    private static async Task RunBaselineAsync(PropagationBenchSettings settings, KubeApiClient controlPlane, KubeApiClient member, PropagationReport report, CancellationToken cancellationToken)
    {
        Progress($"baseline: {settings.Deployments} Deployments created one at a time on the control plane and in a member");
        var controlPlaneTicks = new long[settings.Deployments];
        var memberTicks = new long[settings.Deployments];
        for (var i = 0; i < settings.Deployments; i++)
        {
            await controlPlane.CreateAsync(ResourceRef.ConfigMaps, PropagationBenchObjects.ConfigMap(BaselineNamespace, i), cancellationToken: cancellationToken);
            controlPlaneTicks[i] = await TimeAsync(() => controlPlane.CreateAsync(PropagationBenchObjects.Deployments, PropagationBenchObjects.Deployment(BaselineNamespace, i, settings.Replicas), cancellationToken: cancellationToken));
            memberTicks[i] = await TimeAsync(() => member.CreateAsync(PropagationBenchObjects.Deployments, PropagationBenchObjects.Deployment(BaselineNamespace, i + settings.Deployments, settings.Replicas), cancellationToken: cancellationToken));
        }

        report.BaselineControlPlaneCreate = LatencySummary.FromTicks(controlPlaneTicks, controlPlaneTicks.Length);
        report.BaselineMemberCreate = LatencySummary.FromTicks(memberTicks, memberTicks.Length);
    }

    // Open loop at a fixed rate, so a slow pipeline shows up as latency rather than as a slower sender.
    private static async Task RunPacedAsync(PropagationBenchSettings settings, KubeApiClient controlPlane, Arrivals arrivals, PropagationReport report, CancellationToken cancellationToken)
    {
        Progress($"paced: {settings.Deployments} applications at {settings.PacedPerSecond}/s");
        var sent = new long[settings.Deployments];
        var createTicks = new long[settings.Deployments];
        var probe = ResourceProbe.Take();
        var start = Stopwatch.GetTimestamp();
        var creating = new List<Task>(settings.Deployments);
        for (var i = 0; i < settings.Deployments; i++)
        {
            var due = start + (long)(i * Stopwatch.Frequency / settings.PacedPerSecond);
            var delay = due - Stopwatch.GetTimestamp();
            if (delay > 0)
            {
                await Task.Delay(TimeSpan.FromSeconds((double)delay / Stopwatch.Frequency), cancellationToken);
            }

            var index = i;
            creating.Add(Task.Run(async () => createTicks[index] = await CreateApplicationAsync(controlPlane, PacedNamespace, index, settings, sent, cancellationToken), cancellationToken));
        }

        await Task.WhenAll(creating);
        var (distributed, latencies, last) = await arrivals.WaitAsync(PacedNamespace, sent, Timeout(settings), cancellationToken);
        report.PacedElapsed = Stopwatch.GetElapsedTime(start, Math.Max(last, Stopwatch.GetTimestamp()));
        report.PacedResources = ResourceProbe.Take().Since(probe);
        report.PacedDistributed = distributed;
        report.PacedDistribution = latencies;
        report.PacedCreate = LatencySummary.FromTicks(createTicks, createTicks.Length);
    }

    // Closed loop with many workers: how fast the whole pipeline drains a burst.
    private static async Task RunBurstAsync(PropagationBenchSettings settings, KubeApiClient controlPlane, Arrivals arrivals, ArrivalWatcher works, PropagationReport report, CancellationToken cancellationToken)
    {
        Progress($"unpaced: {settings.Deployments} applications with {settings.BurstConcurrency} concurrent clients");
        var sent = new long[settings.Deployments];
        var probe = ResourceProbe.Take();
        var start = Stopwatch.GetTimestamp();
        var result = await LoadRunner.RunAsync("burst", settings.Deployments, settings.BurstConcurrency, async (_, index, ct) =>
            await CreateApplicationAsync(controlPlane, BurstNamespace, index, settings, sent, ct), cancellationToken);
        if (result.Errors > 0)
        {
            throw new InvalidOperationException($"{result.Errors} of {settings.Deployments} applications failed to create");
        }

        var (distributed, latencies, last) = await arrivals.WaitAsync(BurstNamespace, sent, Timeout(settings), cancellationToken);
        report.BurstResources = ResourceProbe.Take().Since(probe);
        report.BurstElapsed = Stopwatch.GetElapsedTime(start, last);
        report.BurstDistributed = distributed;
        report.BurstDistribution = latencies;
        report.BurstWorks = works.CountBetween(start, last);
    }

    // ConfigMap and policy first, then the template; returns the Deployment create's duration and notes when it was sent.
    private static async Task<long> CreateApplicationAsync(KubeApiClient client, string ns, int index, PropagationBenchSettings settings, long[] sent, CancellationToken cancellationToken)
    {
        var targets = PropagationBenchObjects.Targets(index, settings.Members, settings.TargetsPerDeployment);
        await client.CreateAsync(ResourceRef.ConfigMaps, PropagationBenchObjects.ConfigMap(ns, index), cancellationToken: cancellationToken);
        await client.CreateAsync(PropagationBenchObjects.PropagationPolicies, PropagationBenchObjects.Policy(ns, index, targets), cancellationToken: cancellationToken);
        sent[index] = Stopwatch.GetTimestamp();
        await client.CreateAsync(PropagationBenchObjects.Deployments, PropagationBenchObjects.Deployment(ns, index, settings.Replicas), cancellationToken: cancellationToken);
        return Stopwatch.GetTimestamp() - sent[index];
    }

    private static async Task CreateNamespaceEverywhereAsync(KubeApiClient controlPlane, IEnumerable<KubeApiClient> members, string ns, CancellationToken cancellationToken)
    {
        Progress($"namespace {ns} on the control plane and every member");
        await controlPlane.CreateAsync(ResourceRef.Namespaces, new JsonObject { ["apiVersion"] = "v1", ["kind"] = "Namespace", ["metadata"] = new JsonObject { ["name"] = ns } }, cancellationToken: cancellationToken);
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(TimeSpan.FromMinutes(2));
        foreach (var member in members)
        {
            while (true)
            {
                try
                {
                    await member.GetAsync(ResourceRef.Namespaces, null, ns, timeout.Token);
                    break;
                }
                catch (ApiException ex) when (ex.IsNotFound())
                {
                    await Task.Delay(PollInterval, timeout.Token);
                }
            }
        }
    }

    private static async Task<long> TimeAsync(Func<Task> operation)
    {
        var begin = Stopwatch.GetTimestamp();
        await operation();
        return Stopwatch.GetTimestamp() - begin;
    }

    private static TimeSpan Timeout(PropagationBenchSettings settings) => TimeSpan.FromSeconds(Math.Max(120, settings.Deployments));

    private static void Progress(string step) => Console.Error.WriteLine($"[propagation] {step}");

    /// <summary>When each application of a namespace is complete in all its target members (Deployment and ConfigMap).</summary>
    private sealed class Arrivals(IReadOnlyDictionary<string, ArrivalWatcher> deployments, IReadOnlyDictionary<string, ArrivalWatcher> configMaps, PropagationBenchSettings settings)
    {
        /// <summary>
        /// Waits until every application sent in <paramref name="ns"/> is in all its targets (or the timeout passes);
        /// returns how many made it, their sent → complete latencies and the timestamp of the last completion.
        /// </summary>
        public async Task<(int Distributed, LatencySummary Latency, long Last)> WaitAsync(string ns, long[] sent, TimeSpan timeout, CancellationToken cancellationToken)
        {
            var deadline = Stopwatch.GetTimestamp() + (long)(timeout.TotalSeconds * Stopwatch.Frequency);
            while (true)
            {
                var ticks = new long[sent.Length];
                var count = 0;
                long last = 0;
                for (var i = 0; i < sent.Length; i++)
                {
                    if (CompletedAt(ns, i) is { } at)
                    {
                        ticks[count++] = at - sent[i];
                        last = Math.Max(last, at);
                    }
                }

                if (count == sent.Length || Stopwatch.GetTimestamp() > deadline)
                {
                    if (count < sent.Length)
                    {
                        Progress($"{ns}: only {count} of {sent.Length} applications reached all their members within {timeout.TotalSeconds:0}s");
                    }

                    return (count, LatencySummary.FromTicks(ticks, count), last == 0 ? Stopwatch.GetTimestamp() : last);
                }

                await Task.Delay(PollInterval, cancellationToken);
            }
        }

        private long? CompletedAt(string ns, int index)
        {
            long latest = 0;
            foreach (var target in PropagationBenchObjects.Targets(index, settings.Members, settings.TargetsPerDeployment))
            {
                if (!deployments[target].TryGet(ns, PropagationBenchObjects.AppName(index), out var deployment)
                    || !configMaps[target].TryGet(ns, PropagationBenchObjects.ConfigName(index), out var configMap))
                {
                    return null;
                }

                latest = Math.Max(latest, Math.Max(deployment, configMap));
            }

            return latest;
        }
    }
}
