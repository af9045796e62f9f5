using System.Globalization;
using System.Text;
using System.Text.Json;
using Karmada.Storage;

namespace Karmada.Bench.Workloads.Scheduler;

/// <summary>
/// Issue 5 <c>scheduler</c>: karmada-scheduler cold start over N pre-created ResourceBindings against 10/100/1000
/// Ready clusters (bindings/s persisted, start → scheduled latency), bindings created while it runs (create →
/// scheduled latency), and the scheduling algorithm alone as the in-run baseline.
/// </summary>
public sealed class SchedulerWorkload : IWorkload
{
    public string Name => "scheduler";

    public string Description => "karmada-scheduler: cold-start bindings/s and create->scheduled latency vs the algorithm alone";

    public IReadOnlyList<string> Usage { get; } =
    [
        "--bindings N          pre-created bindings (default 5000 full, 500 small)",
        "--clusters 10,100,1000  Ready Cluster objects per run",
        "--workers N           scheduler workers (default 1, as upstream)",
        "--qps N               scheduler client QPS (default: the client default, 200; 0 = unlimited)",
        "--backend sqlite|memory  control-plane storage (default sqlite)",
    ];

    public async Task<int> RunAsync(BenchArguments arguments, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(arguments);
        SchedulerBenchSettings settings;
        try
        {
            settings = Parse(arguments);
        }
        catch (FormatException ex)
        {
            await Console.Error.WriteLineAsync(ex.Message);
            return 2;
        }

        var reports = new List<SchedulerReport>();
        foreach (var clusters in settings.ClusterCounts)
        {
            reports.Add(await SchedulerBenchmark.RunAsync(settings, clusters, cancellationToken));
        }

        Console.WriteLine(Table(reports, settings, arguments.Scale));
        if (arguments.Json)
        {
            Console.WriteLine(Json(reports, settings));
        }

        return 0;
    }

    private static SchedulerBenchSettings Parse(BenchArguments arguments)
    {
        var defaults = SchedulerBenchSettings.For(arguments.Scale);
        var bindings = int.Parse(arguments.Get("bindings", defaults.Bindings.ToString(CultureInfo.InvariantCulture)), CultureInfo.InvariantCulture);
        var clusters = arguments.Get("clusters", string.Join(',', defaults.ClusterCounts))
            .Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(c => int.Parse(c, CultureInfo.InvariantCulture))
            .ToList();
        var workers = int.Parse(arguments.Get("workers", defaults.Workers.ToString(CultureInfo.InvariantCulture)), CultureInfo.InvariantCulture);
        double? qps = arguments.Has("qps") ? double.Parse(arguments.Get("qps", "0"), CultureInfo.InvariantCulture) : defaults.Qps;
        var backend = arguments.Get("backend", "sqlite").ToLowerInvariant() switch
        {
            "sqlite" => StorageBackend.Sqlite,
            "memory" => StorageBackend.Memory,
            var other => throw new FormatException($"--backend must be sqlite or memory, not '{other}'"),
        };
        if (bindings <= 0 || workers <= 0 || clusters.Count == 0 || clusters.Exists(c => c <= 0))
        {
            throw new FormatException("--bindings, --workers and every --clusters count must be positive");
        }

        return defaults with
        {
            Bindings = bindings,
            ClusterCounts = clusters,
            Workers = workers,
            Qps = qps,
            Backend = backend,
            WarmBindings = Math.Max(1, Math.Min(defaults.WarmBindings, bindings / 5)),
        };
    }

    private static string Table(List<SchedulerReport> reports, SchedulerBenchSettings settings, BenchScale scale)
    {
        var qps = settings.Qps is { } q ? (q == 0 ? "unlimited" : q.ToString(CultureInfo.InvariantCulture)) : "default";
        var text = new StringBuilder();
        text.AppendLine(null, $"== scheduler (scale {scale.ToString().ToLowerInvariant()}, {settings.Bindings} bindings, {settings.Workers} worker(s), client qps {qps}, {settings.Backend.ToString().ToLowerInvariant()}, {Environment.ProcessorCount} cores)");
        text.AppendLine(null, $"{"clusters",8} {"cold b/s",9} {"cold s",7} {"start->sched p50",17} {"p99 ms",9} {"warm n",7} {"create->sched p50",18} {"p99 ms",9} {"writes/b",9} {"cpu us/b",9} {"algo dec/s",11} {"svc/algo",9}");
        foreach (var r in reports)
        {
            var ratio = r.AlgorithmDecisionsPerSecond > 0 ? r.ColdBindingsPerSecond / r.AlgorithmDecisionsPerSecond : 0;
            text.AppendLine(null, $"{r.Clusters,8} {r.ColdBindingsPerSecond,9:F0} {r.ColdElapsed.TotalSeconds,7:F1} {r.ColdLatency.P50,17:F0} {r.ColdLatency.P99,9:F0} {r.WarmBindings,7} {r.WarmLatency.P50,18:F1} {r.WarmLatency.P99,9:F1} {r.WritesPerBinding,9:F2} {r.ColdCpuMicrosPerBinding,9:F0} {r.AlgorithmDecisionsPerSecond,11:F0} {ratio,9:F3}");
        }

        return text.ToString();
    }

    private static string Json(List<SchedulerReport> reports, SchedulerBenchSettings settings)
    {
        static double Round(double value) => Math.Round(value, 2);
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartObject();
            json.WriteString("workload", "scheduler");
            json.WriteNumber("bindings", settings.Bindings);
            json.WriteNumber("workers", settings.Workers);
            json.WriteString("backend", settings.Backend.ToString().ToLowerInvariant());
            json.WriteStartArray("results");
            foreach (var r in reports)
            {
                json.WriteStartObject();
                json.WriteNumber("clusters", r.Clusters);
                json.WriteNumber("coldBindingsPerSec", Round(r.ColdBindingsPerSecond));
                json.WriteNumber("coldStartToScheduledP50Ms", Round(r.ColdLatency.P50));
                json.WriteNumber("coldStartToScheduledP99Ms", Round(r.ColdLatency.P99));
                json.WriteNumber("warmCreateToScheduledP50Ms", Round(r.WarmLatency.P50));
                json.WriteNumber("warmCreateToScheduledP99Ms", Round(r.WarmLatency.P99));
                json.WriteNumber("writesPerBinding", Round(r.WritesPerBinding));
                json.WriteNumber("cpuMicrosPerBinding", Round(r.ColdCpuMicrosPerBinding));
                json.WriteNumber("algorithmDecisionsPerSec", Round(r.AlgorithmDecisionsPerSecond));
                json.WriteEndObject();
            }

            json.WriteEndArray();
            json.WriteEndObject();
        }

        return Encoding.UTF8.GetString(buffer.ToArray());
    }
}
