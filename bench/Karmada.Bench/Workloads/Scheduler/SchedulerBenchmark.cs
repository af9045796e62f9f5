using System.Diagnostics;
using System.Globalization;
using k8s;
using Karmada.Api.Cluster.V1Alpha1;
using Karmada.ApiServer.ControlPlane;
using Karmada.ApiServer.Hosting;
using Karmada.Bench.Infrastructure;
using Karmada.Bench.Measurement;
using Karmada.Client;
using Karmada.Scheduler;
using Karmada.Scheduler.Service;
using Karmada.Storage;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Karmada.Bench.Workloads.Scheduler;

/// <summary>
/// One (cluster count, strategy) row: an in-process control plane with that many Ready Cluster objects and N
/// pre-created bindings of the strategy; the scheduler service starts cold and schedules them all (bindings/s as seen
/// by a watch, i.e. persisted), then bindings are created at a steady rate while it runs (open loop, create →
/// scheduled latency), beside the algorithm alone over the same inputs.
/// </summary>
public static class SchedulerBenchmark
{
    private const int CreateConcurrency = 16;
    private static readonly TimeSpan PhaseTimeout = TimeSpan.FromMinutes(30);

    public static async Task<SchedulerReport> RunAsync(SchedulerBenchSettings settings, int clusters, SchedulerBenchStrategy strategy, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var report = new SchedulerReport { Clusters = clusters, Strategy = strategy, Bindings = settings.Bindings, Workers = settings.Workers };
        var row = string.Create(CultureInfo.InvariantCulture, $"{clusters} clusters, {strategy.ToString().ToLowerInvariant()}");
        using var data = new ScratchDirectory("scheduler");
        var serverOptions = new ApiServerOptions
        {
            DataDirectory = data.Path,
            SecurePort = 0,
            Storage = new StorageOptions { Backend = settings.Backend },
            ExtraResources = KarmadaResourceDefinitions.All,
            ExtraNamespaces = ControlPlaneServices.SystemNamespaces,
        };
        Progress(row, "starting API server");
        var server = await ApiServerApplication.StartAsync(serverOptions, NullLoggerFactory.Instance, ControlPlaneServices.Add, cancellationToken);
        await using (server)
        {
            var loadOptions = new KubeApiClientOptions { Qps = 0, UserAgent = "karmada-bench" };
            using var client = await KubeApiClient.FromKubeconfigAsync(server.KubeconfigPath, options: loadOptions);
            Progress(row, $"creating {clusters} Ready clusters");
            var clusterObjects = await CreateClustersAsync(client, clusters, cancellationToken);

            Progress(row, $"creating {settings.Bindings} bindings");
            await CreateBindingsAsync(client, "cold", settings.Bindings, clusters, strategy, cancellationToken);

            Progress(row, "algorithm baseline");
            report.AlgorithmDecisionsPerSecond = MeasureAlgorithm(settings.Bindings, clusterObjects, strategy);

            await using var watcher = await ScheduledWatcher.StartAsync(client, cancellationToken);
            var configuration = await KubernetesClientConfiguration.BuildConfigFromConfigFileAsync(new FileInfo(server.KubeconfigPath));
            var services = new ServiceCollection();
            services.AddSingleton<ILoggerFactory>(NullLoggerFactory.Instance);
            services.AddKarmadaClient(configuration, c =>
            {
                c.UserAgent = "karmada-scheduler";
                if (settings.Qps is { } qps)
                {
                    c.Qps = qps;
                }
            });
            services.AddKarmadaScheduler(new SchedulerServiceOptions { Workers = settings.Workers });
            await using var provider = services.BuildServiceProvider();
            var hosted = provider.GetServices<IHostedService>().ToList();

            Progress(row, "cold start");
            var probe = ResourceProbe.Take();
            var start = Stopwatch.GetTimestamp();
            foreach (var service in hosted)
            {
                await service.StartAsync(cancellationToken);
            }

            await watcher.WaitForAsync(settings.Bindings, PhaseTimeout, cancellationToken);
            report.ColdElapsed = Stopwatch.GetElapsedTime(start);
            report.ColdResources = ResourceProbe.Take().Since(probe);

            // Writes caused by the scheduler's own re-runs land shortly after the last binding is scheduled.
            await Task.Delay(TimeSpan.FromSeconds(1), cancellationToken);
            report.ColdWrites = watcher.Modifications;
            report.ColdLatency = Latencies(settings.Bindings, i => SchedulerBenchObjects.BindingName("cold", i), _ => start, watcher);

            Progress(row, $"paced: {settings.PacedBindings} bindings created at {settings.Rate}/s while it runs");
            var sent = await CreatePacedAsync(client, settings, clusters, strategy, cancellationToken);
            await watcher.WaitForAsync(settings.Bindings + settings.PacedBindings, PhaseTimeout, cancellationToken);
            report.PacedBindings = settings.PacedBindings;
            report.PacedRate = settings.Rate;
            report.PacedLatency = Latencies(settings.PacedBindings, i => SchedulerBenchObjects.BindingName("paced", i), i => sent[i], watcher);

            for (var i = hosted.Count - 1; i >= 0; i--)
            {
                await hosted[i].StopAsync(cancellationToken);
            }
        }

        return report;
    }

    private static async Task<List<Cluster>> CreateClustersAsync(KubeApiClient client, int count, CancellationToken cancellationToken)
    {
        var created = new Cluster[count];
        var result = await LoadRunner.RunAsync("clusters", count, CreateConcurrency, async (_, index, ct) =>
        {
            var cluster = SchedulerBenchObjects.ReadyCluster(index);
            var status = cluster.Status;
            var stored = await client.CreateAsync(SchedulerResources.Clusters, null, cluster, SchedulerResources.ClusterType, cancellationToken: ct);
            stored.Status = status;
            created[index] = await client.UpdateStatusAsync(SchedulerResources.Clusters, null, cluster.Metadata.Name!, stored, SchedulerResources.ClusterType, cancellationToken: ct);
        }, cancellationToken);
        ThrowOnErrors(result);
        return [.. created];
    }

    private static async Task CreateBindingsAsync(KubeApiClient client, string phase, int count, int clusters, SchedulerBenchStrategy strategy, CancellationToken cancellationToken)
    {
        var result = await LoadRunner.RunAsync("bindings", count, CreateConcurrency, async (_, index, ct) =>
        {
            var binding = SchedulerBenchObjects.Binding(phase, index, clusters, strategy);
            await client.CreateAsync(SchedulerResources.ResourceBindings, SchedulerBenchObjects.Namespace, binding, SchedulerResources.ResourceBindingType, cancellationToken: ct);
        }, cancellationToken);
        ThrowOnErrors(result);
    }

    /// <summary>
    /// Open loop: binding i is sent at start + i / rate whether or not earlier ones are done, so a slow scheduler shows
    /// up as latency rather than as a slower sender. Returns each binding's send timestamp.
    /// </summary>
    private static async Task<long[]> CreatePacedAsync(KubeApiClient client, SchedulerBenchSettings settings, int clusters, SchedulerBenchStrategy strategy, CancellationToken cancellationToken)
    {
        var sent = new long[settings.PacedBindings];
        var creates = new Task[settings.PacedBindings];
        var interval = TimeSpan.FromSeconds(1 / settings.Rate);
        var start = Stopwatch.GetTimestamp();
        for (var i = 0; i < settings.PacedBindings; i++)
        {
            var due = (interval * i) - Stopwatch.GetElapsedTime(start);
            if (due > TimeSpan.Zero)
            {
                await Task.Delay(due, cancellationToken);
            }

            var binding = SchedulerBenchObjects.Binding("paced", i, clusters, strategy);
            sent[i] = Stopwatch.GetTimestamp();
            creates[i] = client.CreateAsync(SchedulerResources.ResourceBindings, SchedulerBenchObjects.Namespace, binding, SchedulerResources.ResourceBindingType, cancellationToken: cancellationToken);
        }

        await Task.WhenAll(creates);
        return sent;
    }

    /// <summary>Decisions per second of <see cref="GenericScheduler.Schedule"/> on one thread over the same bindings.</summary>
    private static double MeasureAlgorithm(int bindings, List<Cluster> clusters, SchedulerBenchStrategy strategy)
    {
        var scheduler = new GenericScheduler();
        var inputs = Enumerable.Range(0, bindings).Select(i => SchedulerBenchObjects.Binding("algo", i, clusters.Count, strategy)).ToList();
        foreach (var binding in inputs.Take(Math.Min(50, inputs.Count)))
        {
            scheduler.Schedule(binding.Spec, binding.Status, clusters, ScheduleOptions.Default);
        }

        var clock = Stopwatch.StartNew();
        var scheduled = 0;
        foreach (var binding in inputs)
        {
            scheduled += scheduler.Schedule(binding.Spec, binding.Status, clusters, ScheduleOptions.Default).IsScheduled ? 1 : 0;
        }

        clock.Stop();
        if (scheduled != inputs.Count)
        {
            throw new InvalidOperationException($"the algorithm scheduled only {scheduled} of {inputs.Count} bindings");
        }

        return inputs.Count / clock.Elapsed.TotalSeconds;
    }

    private static LatencySummary Latencies(int count, Func<int, string> name, Func<int, long> from, ScheduledWatcher watcher)
    {
        var ticks = new long[count];
        var recorded = 0;
        for (var i = 0; i < count; i++)
        {
            if (watcher.TryGet(name(i), out var at))
            {
                ticks[recorded++] = at - from(i);
            }
        }

        return LatencySummary.FromTicks(ticks, recorded);
    }

    private static void ThrowOnErrors(PhaseResult result)
    {
        if (result.Errors > 0)
        {
            throw new InvalidOperationException($"{result.Name}: {result.Errors} of {result.Operations} creates failed");
        }
    }

    private static void Progress(string row, string step) => Console.Error.WriteLine($"[scheduler/{row}] {step}");
}
