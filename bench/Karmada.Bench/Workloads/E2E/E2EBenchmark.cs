using System.Diagnostics;
using System.Globalization;
using System.Text.Json.Nodes;
using Karmada.Bench.Infrastructure;
using Karmada.Bench.Measurement;
using Karmada.Bench.Workloads.Members;
using Karmada.Bench.Workloads.Propagation;
using Karmada.Client;
using Karmada.Host.Up;
using Microsoft.Extensions.Logging.Abstractions;

namespace Karmada.Bench.Workloads.E2E;

/// <summary>
/// Issue 8 <c>e2e</c>: upstream's CI performance scenario against a whole Karmada in this process (API server,
/// controller manager, scheduler and simulated members, as <c>karmada up</c> runs it). Half the namespaces are created
/// at a fixed rate, the other half as fast as 16 clients can; distribution is observed by watches on every member,
/// readiness by a watch on the templates' aggregated status.
/// </summary>
public static class E2EBenchmark
{
    private const string BaselineNamespace = "e2e-baseline";
    private static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(50);

    public static async Task<E2EReport> RunAsync(E2EBenchSettings settings, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var report = new E2EReport();
        using var data = new ScratchDirectory("e2e");
        Progress($"starting karmada with {settings.Members} simulated members x {settings.NodesPerMember} nodes");
        var options = new UpOptions
        {
            DataDirectory = data.Path,
            Members = settings.Members,
            NodesPerMember = settings.NodesPerMember,
            SecurePort = FreePort.Next(),
            Storage = new Karmada.Storage.StorageOptions { Backend = settings.Backend },
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
            var disposables = new List<IAsyncDisposable>();
            try
            {
                foreach (var member in karmada.Members)
                {
                    members[member.Name] = await KubeApiClient.FromKubeconfigAsync(member.KubeconfigPath, options: clientOptions);
                }

                var rss = Track(RssPeakSampler.Start(TimeSpan.FromMilliseconds(250)));
                var loadAtStart = LoadAverage();
                foreach (var ns in Enumerable.Range(0, settings.Namespaces).Select(E2EBenchObjects.Namespace).Prepend(BaselineNamespace))
                {
                    await CreateNamespaceEverywhereAsync(controlPlane, members.Values, ns, cancellationToken);
                }

                var distribution = new E2EDistribution(
                    Track(BindingTargetsWatcher.Start(controlPlane)),
                    members.ToDictionary(m => m.Key, m => Track(ArrivalWatcher.Start(m.Value, PropagationBenchObjects.Deployments)), StringComparer.Ordinal),
                    members.ToDictionary(m => m.Key, m => Track(ArrivalWatcher.Start(m.Value, ResourceRef.ConfigMaps)), StringComparer.Ordinal));
                var works = Track(ArrivalWatcher.Start(controlPlane, PropagationBenchObjects.Works));
                var ready = Track(ReadyDeploymentWatcher.Start(controlPlane));

                await RunBaselineAsync(settings, controlPlane, members[karmada.Members[0].Name], report, cancellationToken);
                var membersOnlyFirst = 2 * settings.DeploymentsPerNamespace;
                var coldCount = settings.MembersOnlyDeployments > 0 ? Math.Max(1, settings.MembersOnlyDeployments / 2) : 0;
                report.MembersOnlyCold = await RunMembersOnlyBaselineAsync(settings, members.Values.ToArray(), "cold", membersOnlyFirst, coldCount, cancellationToken);

                var probe = ResourceProbe.Take();
                var start = Stopwatch.GetTimestamp();
                using var controllers = new ControllerStats();
                var paced = await RunPacedAsync(settings, controlPlane, distribution, report, cancellationToken);
                report.PacedToAllReady = await WaitReadyAsync(ready, paced, Timeout(paced.Length), cancellationToken);
                Progress($"paced phase, controllers:{Environment.NewLine}{controllers.Describe()}");
                report.MembersOnly = await RunMembersOnlyBaselineAsync(settings, members.Values.ToArray(), "warm", membersOnlyFirst + coldCount, settings.MembersOnlyDeployments, cancellationToken);
                controllers.Reset();
                var unpacedProbe = ResourceProbe.Take();
                var unpacedPause = GC.GetTotalPauseDuration();
                var unpaced = await RunUnpacedAsync(settings, controlPlane, distribution, works, report, cancellationToken);
                report.UnpacedToAllReady = await WaitReadyAsync(ready, unpaced, Timeout(unpaced.Length), cancellationToken);
                report.UnpacedResources = ResourceProbe.Take().Since(unpacedProbe);
                report.UnpacedGcPause = GC.GetTotalPauseDuration() - unpacedPause;
                Progress($"unpaced phase, controllers:{Environment.NewLine}{controllers.Describe()}");
                report.Cpu = ResourceProbe.Take().Since(probe).Cpu;
                report.Elapsed = Stopwatch.GetElapsedTime(start);
                report.Ready = paced.Concat(unpaced).Count(t => ready.TryGetReady(t.Namespace, E2EBenchObjects.DeploymentName(t.Index), out _));
                report.PeakRssBytes = rss.PeakBytes;
                report.LoadAverage = (loadAtStart, LoadAverage());
            }
            finally
            {
                foreach (var disposable in disposables)
                {
                    await disposable.DisposeAsync();
                }

                foreach (var member in members.Values)
                {
                    member.Dispose();
                }
            }

            T Track<T>(T disposable)
                where T : IAsyncDisposable
            {
                disposables.Add(disposable);
                return disposable;
            }
        }

        return report;
    }

    // The raw cost of the same template: created on the control plane (no policy matches) and directly in a member,
    // with 0 replicas so the member's pod capacity stays the scenario's.
    private static async Task RunBaselineAsync(E2EBenchSettings settings, KubeApiClient controlPlane, KubeApiClient member, E2EReport report, CancellationToken cancellationToken)
    {
        var count = settings.DeploymentsPerNamespace;
        Progress($"baseline: {count} Deployments created one at a time on the control plane and in a member");
        var controlPlaneTicks = new long[count];
        var memberTicks = new long[count];
        for (var i = 0; i < count; i++)
        {
            controlPlaneTicks[i] = await TimeAsync(() => controlPlane.CreateAsync(PropagationBenchObjects.Deployments, E2EBenchObjects.Deployment(BaselineNamespace, i, 0), cancellationToken: cancellationToken));
            memberTicks[i] = await TimeAsync(() => member.CreateAsync(PropagationBenchObjects.Deployments, E2EBenchObjects.Deployment(BaselineNamespace, i + count, 0), cancellationToken: cancellationToken));
        }

        report.BaselineControlPlaneCreate = LatencySummary.FromTicks(controlPlaneTicks, count);
        report.BaselineMemberCreate = LatencySummary.FromTicks(memberTicks, count);
    }

    // The members' own work for a propagated Deployment, without Karmada: each Deployment's per-member copy created
    // directly in every member, with the unpaced phase's concurrency, until all are ready (see MembersOnlyBaseline).
    // It runs twice: cold, before anything went through the members (so it pays for their JIT and first-time paths), and
    // warm, between the paced and unpaced phases, which is what the unpaced phase's CPU is compared with.
    private static async Task<MembersOnlyBaseline> RunMembersOnlyBaselineAsync(E2EBenchSettings settings, KubeApiClient[] members, string label, int firstIndex, int count, CancellationToken cancellationToken)
    {
        if (count == 0)
        {
            return MembersOnlyBaseline.None;
        }

        Progress($"members-only baseline ({label}): {count} Deployments' copies (1 replica each) created directly in all {members.Length} members with {settings.BurstConcurrency} clients");
        var watchers = members.Select(ReadyDeploymentWatcher.Start).ToArray();
        try
        {
            var probe = ResourceProbe.Take();
            var pause = GC.GetTotalPauseDuration();
            var start = Stopwatch.GetTimestamp();
            var result = await LoadRunner.RunAsync($"members-only-{label}", count * members.Length, settings.BurstConcurrency, async (_, slot, ct) =>
            {
                var copy = E2EBenchObjects.Deployment(BaselineNamespace, firstIndex + (slot / members.Length), 1);
                await members[slot % members.Length].CreateAsync(PropagationBenchObjects.Deployments, copy, cancellationToken: ct);
            }, cancellationToken);
            if (result.Errors > 0)
            {
                throw new InvalidOperationException($"{result.Errors} of {count * members.Length} member Deployments failed to create");
            }

            var deadline = Stopwatch.GetTimestamp() + (long)(Timeout(count).TotalSeconds * Stopwatch.Frequency);
            int ready;
            long last;
            while (true)
            {
                (ready, last) = CountReady();
                if (ready == count || Stopwatch.GetTimestamp() > deadline)
                {
                    break;
                }

                await Task.Delay(PollInterval, cancellationToken);
            }

            var spent = ResourceProbe.Take().Since(probe);
            var paused = GC.GetTotalPauseDuration() - pause;
            if (ready < count)
            {
                Progress($"members-only baseline ({label}): only {ready} of {count} Deployments ready in every member in time");
            }

            return new MembersOnlyBaseline(count, ready, spent.Cpu, Stopwatch.GetElapsedTime(start, ready == count ? last : Stopwatch.GetTimestamp()), spent.AllocatedBytes, paused);
        }
        finally
        {
            foreach (var watcher in watchers)
            {
                await watcher.DisposeAsync();
            }
        }

        // A Deployment counts once its copy is ready in every member; the last of those moments ends the baseline.
        (int Ready, long Last) CountReady()
        {
            var readyCount = 0;
            long lastReady = 0;
            for (var i = 0; i < count; i++)
            {
                var name = E2EBenchObjects.DeploymentName(firstIndex + i);
                var latest = 0L;
                var everywhere = watchers.All(w =>
                {
                    var seen = w.TryGetReady(BaselineNamespace, name, out var at);
                    latest = Math.Max(latest, at);
                    return seen;
                });
                if (everywhere)
                {
                    readyCount++;
                    lastReady = Math.Max(lastReady, latest);
                }
            }

            return (readyCount, lastReady);
        }
    }

    // Open loop at a fixed rate (upstream's qps 5), so a slow pipeline shows up as latency rather than a slower sender.
    private static async Task<SentTemplate[]> RunPacedAsync(E2EBenchSettings settings, KubeApiClient controlPlane, E2EDistribution distribution, E2EReport report, CancellationToken cancellationToken)
    {
        var namespaces = Enumerable.Range(0, settings.PacedNamespaces).Select(E2EBenchObjects.Namespace).ToArray();
        var total = namespaces.Length * settings.DeploymentsPerNamespace;
        Progress($"paced: {total} Deployments in {namespaces.Length} namespace(s) at {settings.PacedPerSecond}/s");
        await CreateConfigMapsAsync(controlPlane, namespaces, cancellationToken);
        var sent = new SentTemplate[total];
        var createTicks = new long[total];
        var start = Stopwatch.GetTimestamp();
        var creating = new List<Task>(total);
        for (var i = 0; i < total; i++)
        {
            var due = start + (long)(i * Stopwatch.Frequency / settings.PacedPerSecond);
            var delay = due - Stopwatch.GetTimestamp();
            if (delay > 0)
            {
                await Task.Delay(TimeSpan.FromSeconds((double)delay / Stopwatch.Frequency), cancellationToken);
            }

            var slot = i;
            var ns = namespaces[i / settings.DeploymentsPerNamespace];
            var index = i % settings.DeploymentsPerNamespace;
            creating.Add(Task.Run(
                async () =>
                {
                    (sent[slot], createTicks[slot]) = await CreateTemplateAsync(controlPlane, ns, index, settings.Replicas, cancellationToken);
                },
                cancellationToken));
        }

        await Task.WhenAll(creating);
        var (distributed, latencies, _) = await WaitDistributedAsync(distribution, "paced", sent, cancellationToken);
        report.PacedDeployments = total;
        report.PacedDistributed = distributed;
        report.PacedDistribution = latencies;
        report.PacedCreate = LatencySummary.FromTicks(createTicks, total);
        return sent;
    }

    // Closed loop with many clients: how fast the whole pipeline drains a burst.
    private static async Task<SentTemplate[]> RunUnpacedAsync(E2EBenchSettings settings, KubeApiClient controlPlane, E2EDistribution distribution, ArrivalWatcher works, E2EReport report, CancellationToken cancellationToken)
    {
        var namespaces = Enumerable.Range(settings.PacedNamespaces, settings.Namespaces - settings.PacedNamespaces).Select(E2EBenchObjects.Namespace).ToArray();
        var total = namespaces.Length * settings.DeploymentsPerNamespace;
        Progress($"unpaced: {total} Deployments in {namespaces.Length} namespace(s) with {settings.BurstConcurrency} concurrent clients");
        var sent = new SentTemplate[total];
        var start = Stopwatch.GetTimestamp();
        await CreateConfigMapsAsync(controlPlane, namespaces, cancellationToken);
        var result = await LoadRunner.RunAsync("unpaced", total, settings.BurstConcurrency, async (_, slot, ct) =>
        {
            var created = await CreateTemplateAsync(controlPlane, namespaces[slot / settings.DeploymentsPerNamespace], slot % settings.DeploymentsPerNamespace, settings.Replicas, ct);
            sent[slot] = created.Sent;
        }, cancellationToken);
        if (result.Errors > 0)
        {
            throw new InvalidOperationException($"{result.Errors} of {total} templates failed to create");
        }

        var (distributed, latencies, last) = await WaitDistributedAsync(distribution, "unpaced", sent, cancellationToken);
        report.UnpacedDeployments = total;
        report.UnpacedDistributed = distributed;
        report.UnpacedDistribution = latencies;
        report.UnpacedElapsed = Stopwatch.GetElapsedTime(start, last);
        report.UnpacedWorks = works.CountBetween(start, last);
        return sent;
    }

    private static async Task<(int Distributed, LatencySummary Latency, long Last)> WaitDistributedAsync(E2EDistribution distribution, string phase, SentTemplate[] sent, CancellationToken cancellationToken)
    {
        var timeout = Timeout(sent.Length);
        var result = await distribution.WaitAsync(sent, timeout, cancellationToken);
        if (result.Distributed < sent.Length)
        {
            Progress($"{phase}: only {result.Distributed} of {sent.Length} Deployments reached all their members within {timeout.TotalSeconds:0}s");
        }

        return result;
    }

    // The policy first, then the template, so the template's create is what starts its propagation (upstream creates
    // all templates, then all policies; that order has no per-object start to measure from).
    private static async Task<(SentTemplate Sent, long CreateTicks)> CreateTemplateAsync(KubeApiClient client, string ns, int index, int replicas, CancellationToken cancellationToken)
    {
        await client.CreateAsync(PropagationBenchObjects.PropagationPolicies, E2EBenchObjects.Policy(ns, index), cancellationToken: cancellationToken);
        var sentAt = Stopwatch.GetTimestamp();
        await client.CreateAsync(PropagationBenchObjects.Deployments, E2EBenchObjects.Deployment(ns, index, replicas), cancellationToken: cancellationToken);
        return (new SentTemplate(ns, index, sentAt), Stopwatch.GetTimestamp() - sentAt);
    }

    private static async Task CreateConfigMapsAsync(KubeApiClient client, IEnumerable<string> namespaces, CancellationToken cancellationToken)
    {
        foreach (var ns in namespaces)
        {
            await client.CreateAsync(ResourceRef.ConfigMaps, E2EBenchObjects.ConfigMap(ns), cancellationToken: cancellationToken);
        }
    }

    /// <summary>First create → every template of <paramref name="sent"/> ready on the control plane, or null on timeout.</summary>
    private static async Task<TimeSpan?> WaitReadyAsync(ReadyDeploymentWatcher ready, SentTemplate[] sent, TimeSpan timeout, CancellationToken cancellationToken)
    {
        if (sent.Length == 0)
        {
            return TimeSpan.Zero;
        }

        var first = sent.Min(t => t.SentAt);
        var deadline = Stopwatch.GetTimestamp() + (long)(timeout.TotalSeconds * Stopwatch.Frequency);
        while (true)
        {
            long last = 0;
            var count = 0;
            foreach (var template in sent)
            {
                if (ready.TryGetReady(template.Namespace, E2EBenchObjects.DeploymentName(template.Index), out var at))
                {
                    count++;
                    last = Math.Max(last, at);
                }
            }

            if (count == sent.Length)
            {
                return Stopwatch.GetElapsedTime(first, last);
            }

            if (Stopwatch.GetTimestamp() > deadline)
            {
                Progress($"only {count} of {sent.Length} templates reported all replicas ready within {timeout.TotalSeconds:0}s");
                return null;
            }

            await Task.Delay(PollInterval, cancellationToken);
        }
    }

    private static async Task CreateNamespaceEverywhereAsync(KubeApiClient controlPlane, IEnumerable<KubeApiClient> members, string ns, CancellationToken cancellationToken)
    {
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

    private static double LoadAverage()
    {
        const string Path = "/proc/loadavg";
        return File.Exists(Path) && double.TryParse(File.ReadAllText(Path).Split(' ')[0], NumberStyles.Float, CultureInfo.InvariantCulture, out var load) ? load : 0;
    }

    private static TimeSpan Timeout(int templates) => TimeSpan.FromSeconds(Math.Max(120, templates));

    private static void Progress(string step) => Console.Error.WriteLine($"[e2e] {step}");
}
