using System.Text.Json.Nodes;
using Karmada.ApiServer.Hosting;
using Karmada.Bench.Infrastructure;
using Karmada.Bench.Measurement;
using Karmada.Client;
using Karmada.Storage;
using Microsoft.Extensions.Logging.Abstractions;

namespace Karmada.Bench.Workloads.ApiServer;

/// <summary>
/// Measures one backend: raw store baselines first, then an in-process API server on a fresh store of the same
/// backend driven through HTTPS (HTTP/2) by <see cref="KubeApiClient"/>, load generator and server in one process.
/// </summary>
public static class ApiServerBenchmark
{
    private const int HighConcurrency = 16;

    public static async Task<ApiServerReport> RunAsync(StorageBackend backend, ApiServerScaleSettings settings, CancellationToken cancellationToken)
    {
        var value = ConfigMapFactory.RawValue();
        var report = new ApiServerReport
        {
            Backend = backend.ToString().ToLowerInvariant(),
            LoadAverageBefore = await LoadAverageAsync(cancellationToken),
            ValueBytes = value.Length,
        };
        EtcdProcess? etcd = null;
        try
        {
            Progress(report.Backend, "raw baselines");
            switch (backend)
            {
                case StorageBackend.Sqlite:
                    report.Baselines.Add(await RawBaselines.PlainSqliteCommitsAsync(value, settings.RawOpsC1, 1, cancellationToken));
                    report.Baselines.Add(await RawBaselines.PlainSqliteCommitsAsync(value, settings.RawOpsC16, HighConcurrency, cancellationToken));
                    using (var scratch = new ScratchDirectory("raw-sqlite"))
                    {
                        report.Baselines.AddRange(await RawBaselines.StoreCreatesAsync(report.Backend, _ => RawBaselines.OpenSqliteAsync(scratch.Path), value, settings, report.Tails, cancellationToken));
                    }

                    break;
                case StorageBackend.Etcd:
                    etcd = await EtcdProcess.StartAsync(cancellationToken);
                    var servers = etcd.ClientUrl;
                    report.Baselines.AddRange(await RawBaselines.StoreCreatesAsync(report.Backend, ct => RawBaselines.OpenEtcdAsync(servers, ct), value, settings, report.Tails, cancellationToken));
                    break;
                default:
                    report.Baselines.AddRange(await RawBaselines.StoreCreatesAsync(report.Backend, _ => RawBaselines.OpenMemoryAsync(), value, settings, report.Tails, cancellationToken));
                    break;
            }

            using var data = new ScratchDirectory("apiserver");
            var options = new ApiServerOptions
            {
                DataDirectory = data.Path,
                SecurePort = 0,
                Storage = new StorageOptions { Backend = backend, EtcdServers = etcd?.ClientUrl },
            };
            Progress(report.Backend, "starting API server");
            var server = await ApiServerApplication.StartAsync(options, NullLoggerFactory.Instance, null, cancellationToken);
            await using (server)
            {
                var clientOptions = new KubeApiClientOptions { Qps = 0, UserAgent = "karmada-bench" };
                using var client = await KubeApiClient.FromKubeconfigAsync(server.KubeconfigPath, options: clientOptions);
                using var watchClient = await KubeApiClient.FromKubeconfigAsync(server.KubeconfigPath, options: clientOptions);
                await MeasureApiAsync(report, client, watchClient, settings, etcd, cancellationToken);
            }
        }
        finally
        {
            if (etcd is not null)
            {
                await etcd.DisposeAsync();
            }
        }

        report.LoadAverageAfter = await LoadAverageAsync(cancellationToken);
        return report;
    }

    private static async Task MeasureApiAsync(
        ApiServerReport report,
        KubeApiClient client,
        KubeApiClient watchClient,
        ApiServerScaleSettings settings,
        EtcdProcess? etcd,
        CancellationToken cancellationToken)
    {
        var configMaps = ResourceRef.ConfigMaps;
        foreach (var ns in new[] { "bench-warm", "bench-1k", "bench-10k", "bench-watch", "bench-status" })
        {
            await client.CreateAsync(ResourceRef.Namespaces, new JsonObject { ["apiVersion"] = "v1", ["kind"] = "Namespace", ["metadata"] = new JsonObject { ["name"] = ns } }, cancellationToken: cancellationToken);
        }

        Progress(report.Backend, "warm-up");
        await LoadRunner.RunAsync("warm-up create", settings.WarmupOps, HighConcurrency, async (_, i, ct) => await client.CreateAsync(configMaps, ConfigMapFactory.Create("bench-warm", Name(i)), cancellationToken: ct), cancellationToken);
        await LoadRunner.RunAsync("warm-up get", settings.WarmupOps, HighConcurrency, async (_, i, ct) => await client.GetAsync(configMaps, "bench-warm", Name(i), ct), cancellationToken);
        await client.ListAsync(configMaps, "bench-warm", cancellationToken: cancellationToken);

        // Creates at c16 fill the 10k namespace; RSS around them gives the memory cost of stored objects.
        Progress(report.Backend, $"create c{HighConcurrency} x{settings.CreatesC16} (RSS probe)");
        report.RssBeforeBytes = await ResourceProbe.SettledRssBytesAsync(cancellationToken);
        report.ManagedBeforeBytes = GC.GetTotalMemory(forceFullCollection: true);
        var etcdCpuBefore = etcd?.CpuTime();
        using var diagnostics = TailDiagnostics.Start();
        var createC16 = await LoadRunner.RunAsync(ApiServerPhases.Create, settings.CreatesC16, HighConcurrency, async (_, i, ct) => await client.CreateAsync(configMaps, ConfigMapFactory.Create("bench-10k", Name(i)), cancellationToken: ct), cancellationToken);
        report.Tails[ApiServerPhases.Create] = diagnostics.Stop();
        if (etcd is not null && etcdCpuBefore is { } before)
        {
            report.EtcdCpuMicrosPerCreate = (etcd.CpuTime() - before).TotalMicroseconds / Math.Max(1, createC16.Operations);
        }

        report.RssAfterBytes = await ResourceProbe.SettledRssBytesAsync(cancellationToken);
        report.ManagedAfterBytes = GC.GetTotalMemory(forceFullCollection: true);
        report.RssObjects = createC16.Operations;

        Progress(report.Backend, $"create c1 x{settings.CreatesC1}");
        var created = new JsonObject[settings.CreatesC1];
        var createC1 = await LoadRunner.RunAsync(ApiServerPhases.Create, settings.CreatesC1, 1, async (_, i, ct) => created[i] = await client.CreateAsync(configMaps, ConfigMapFactory.Create("bench-1k", Name(i)), cancellationToken: ct), cancellationToken);
        report.Phases.Add(createC1);
        report.Phases.Add(createC16);

        Progress(report.Backend, $"get c{HighConcurrency} x{settings.Gets}");
        var getRandom = new Random(7);
        var getNames = Enumerable.Range(0, settings.Gets).Select(_ => Name(getRandom.Next(settings.CreatesC1))).ToArray();
        report.Phases.Add(await LoadRunner.RunAsync(ApiServerPhases.Get, settings.Gets, HighConcurrency, async (_, i, ct) => await client.GetAsync(configMaps, "bench-1k", getNames[i], ct), cancellationToken));

        Progress(report.Backend, $"update c{HighConcurrency} x{settings.Updates}");
        var cursors = new int[HighConcurrency];
        report.Phases.Add(await LoadRunner.RunAsync(
            ApiServerPhases.Update,
            settings.Updates,
            HighConcurrency,
            async (worker, i, ct) =>
            {
                // Each worker owns the objects whose index is congruent to it, so updates never conflict.
                var owned = worker + (HighConcurrency * (cursors[worker]++ % Math.Max(1, (settings.CreatesC1 - worker + HighConcurrency - 1) / HighConcurrency)));
                var obj = created[owned];
                obj["data"]!["counter"] = i.ToString(null, null);
                created[owned] = await client.UpdateAsync(configMaps, obj, cancellationToken: ct);
            },
            cancellationToken));

        Progress(report.Backend, $"merge patch c{HighConcurrency} x{settings.Updates}");
        var patchCounter = 0;
        report.Phases.Add(await LoadRunner.RunAsync(
            ApiServerPhases.MergePatch,
            settings.Updates,
            HighConcurrency,
            async (_, i, ct) =>
            {
                var patch = new JsonObject { ["data"] = new JsonObject { ["counter"] = "p" + Interlocked.Increment(ref patchCounter).ToString(null, null) } };
                await client.PatchAsync(configMaps, "bench-1k", Name(i % settings.CreatesC1), PatchType.Merge, patch, cancellationToken: ct);
            },
            cancellationToken));

        // Status writes go to Deployments (a kind with a status subresource), each worker writing its own objects.
        var deployments = new ResourceRef("apps", "v1", "deployments", Namespaced: true);
        var deploymentCount = HighConcurrency * 16;
        var deployed = new JsonObject[deploymentCount];
        await LoadRunner.RunAsync("setup deployments", deploymentCount, HighConcurrency, async (_, i, ct) => deployed[i] = await client.CreateAsync(deployments, DeploymentFactory.Create("bench-status", "web-" + i.ToString("D4", null)), cancellationToken: ct), cancellationToken);
        Progress(report.Backend, $"status update c{HighConcurrency} x{settings.Updates}");
        var statusCursors = new int[HighConcurrency];
        report.Phases.Add(await LoadRunner.RunAsync(
            ApiServerPhases.StatusUpdate,
            settings.Updates,
            HighConcurrency,
            async (worker, i, ct) =>
            {
                var owned = worker + (HighConcurrency * (statusCursors[worker]++ % (deploymentCount / HighConcurrency)));
                var obj = deployed[owned];
                DeploymentFactory.SetStatus(obj, i);
                deployed[owned] = await client.UpdateStatusAsync(deployments, obj, cancellationToken: ct);
            },
            cancellationToken));

        Progress(report.Backend, "list");
        report.Phases.Add(await LoadRunner.RunAsync(ApiServerPhases.List1k, settings.ListRepeats1k, 1, async (_, _, ct) => await client.ListAsync(configMaps, "bench-1k", cancellationToken: ct), cancellationToken));
        report.Phases.Add(await LoadRunner.RunAsync(ApiServerPhases.List10k, settings.ListRepeats10k, 1, async (_, _, ct) => await client.ListAsync(configMaps, "bench-10k", cancellationToken: ct), cancellationToken));

        Progress(report.Backend, $"watch x{settings.Watchers} watchers, {settings.WatchWrites} writes at {settings.WatchWritesPerSecond}/s");
        report.Watch = await WatchLatencyProbe.RunAsync(client, watchClient, "bench-watch", settings.Watchers, settings.WatchWrites, settings.WatchWritesPerSecond, cancellationToken);
    }

    private static string Name(int index) => "cm-" + index.ToString("D6", null);

    private static void Progress(string backend, string step) => Console.Error.WriteLine($"[{DateTime.Now:HH:mm:ss}] {backend}: {step}");

    private static async Task<string> LoadAverageAsync(CancellationToken cancellationToken)
    {
        const string Path = "/proc/loadavg";
        if (!File.Exists(Path))
        {
            return "n/a";
        }

        var parts = (await File.ReadAllTextAsync(Path, cancellationToken)).Split(' ');
        return string.Join(' ', parts.Take(3));
    }
}
