using System.Globalization;
using System.Text;
using System.Text.Json;
using Karmada.Storage;

namespace Karmada.Bench.Workloads.Scheduler;

/// <summary>
/// Issues 5 and 8 <c>scheduler</c>: per cluster count (10/100/1000 Ready clusters) and strategy (Duplicated, static
/// Weighted, dynamic Weighted, Aggregated), karmada-scheduler's cold start over N pre-created ResourceBindings
/// (bindings/s persisted), create → scheduled latency of bindings created at a steady rate while it runs, writes per
/// binding, and the scheduling algorithm alone as the in-run baseline.
/// </summary>
public sealed class SchedulerWorkload : IWorkload
{
    public string Name => "scheduler";

    public string Description => "karmada-scheduler: cold-start bindings/s and create->scheduled latency vs the algorithm alone";

    public IReadOnlyList<string> Usage { get; } =
    [
        "--bindings N          pre-created bindings per row (default 5000 full, 500 small)",
        "--clusters 10,100,1000  Ready Cluster objects per row (default 10,100,1000 full, 10,100 small)",
        "--strategies duplicated,static,dynamic,aggregated  rows per cluster count (default all four)",
        "--rate N              bindings/s created while it runs, for p99Ms (default 50)",
        "--paced N             bindings created at --rate (default 500 full, 100 small)",
        "--workers N           scheduler workers (default: the service default, 4)",
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
            foreach (var strategy in settings.Strategies)
            {
                reports.Add(await SchedulerBenchmark.RunAsync(settings, clusters, strategy, cancellationToken));
            }
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
        var strategies = arguments.Get("strategies", string.Join(',', defaults.Strategies.Select(Label)))
            .Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(ParseStrategy)
            .Distinct()
            .ToList();
        var rate = double.Parse(arguments.Get("rate", defaults.Rate.ToString(CultureInfo.InvariantCulture)), CultureInfo.InvariantCulture);
        var paced = int.Parse(arguments.Get("paced", defaults.PacedBindings.ToString(CultureInfo.InvariantCulture)), CultureInfo.InvariantCulture);
        var workers = int.Parse(arguments.Get("workers", defaults.Workers.ToString(CultureInfo.InvariantCulture)), CultureInfo.InvariantCulture);
        double? qps = arguments.Has("qps") ? double.Parse(arguments.Get("qps", "0"), CultureInfo.InvariantCulture) : defaults.Qps;
        var backend = arguments.Get("backend", "sqlite").ToLowerInvariant() switch
        {
            "sqlite" => StorageBackend.Sqlite,
            "memory" => StorageBackend.Memory,
            var other => throw new FormatException($"--backend must be sqlite or memory, not '{other}'"),
        };
        if (bindings <= 0 || workers <= 0 || paced <= 0 || rate <= 0 || clusters.Count == 0 || clusters.Exists(c => c <= 0) || strategies.Count == 0)
        {
            throw new FormatException("--bindings, --workers, --paced, --rate, every --clusters count and --strategies must be positive / non-empty");
        }

        return defaults with
        {
            Bindings = bindings,
            ClusterCounts = clusters,
            Strategies = strategies,
            Workers = workers,
            Qps = qps,
            Backend = backend,
            PacedBindings = paced,
            Rate = rate,
        };
    }

    private static string Label(SchedulerBenchStrategy strategy) => strategy.ToString().ToLowerInvariant();

    private static SchedulerBenchStrategy ParseStrategy(string text) =>
        Enum.TryParse<SchedulerBenchStrategy>(text, ignoreCase: true, out var strategy) && Enum.IsDefined(strategy)
            ? strategy
            : throw new FormatException($"--strategies takes duplicated, static, dynamic, aggregated; not '{text}'");

    private static string Table(List<SchedulerReport> reports, SchedulerBenchSettings settings, BenchScale scale)
    {
        var qps = settings.Qps is { } q ? (q == 0 ? "unlimited" : q.ToString(CultureInfo.InvariantCulture)) : "default";
        var text = new StringBuilder();
        text.AppendLine(null, $"== scheduler (scale {scale.ToString().ToLowerInvariant()}, {settings.Bindings} bindings, {settings.Workers} worker(s), client qps {qps}, {settings.Backend.ToString().ToLowerInvariant()}, {Environment.ProcessorCount} cores)");
        text.AppendLine(null, $"{"clusters",8} {"strategy",10} {"cold b/s",9} {"cold s",7} {"start->sched p50",17} {"p99 ms",9} {"paced",10} {"create->sched p50",18} {"p99 ms",9} {"writes/b",9} {"cpu us/b",9} {"algo dec/s",11} {"svc/algo",9}");
        foreach (var r in reports)
        {
            var ratio = r.AlgorithmDecisionsPerSecond > 0 ? r.ColdBindingsPerSecond / r.AlgorithmDecisionsPerSecond : 0;
            var paced = string.Create(CultureInfo.InvariantCulture, $"{r.PacedBindings}@{r.PacedRate:0.#}/s");
            text.AppendLine(null, $"{r.Clusters,8} {Label(r.Strategy),10} {r.ColdBindingsPerSecond,9:F0} {r.ColdElapsed.TotalSeconds,7:F1} {r.ColdLatency.P50,17:F0} {r.ColdLatency.P99,9:F0} {paced,10} {r.PacedLatency.P50,18:F1} {r.PacedLatency.P99,9:F1} {r.WritesPerBinding,9:F2} {r.ColdCpuMicrosPerBinding,9:F0} {r.AlgorithmDecisionsPerSecond,11:F0} {ratio,9:F3}");
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
            json.WriteNumber("rate", settings.Rate);
            json.WriteStartArray("results");
            foreach (var r in reports)
            {
                json.WriteStartObject();
                json.WriteNumber("clusters", r.Clusters);
                json.WriteString("strategy", Label(r.Strategy));
                json.WriteNumber("bindingsPerSec", Round(r.ColdBindingsPerSecond));
                json.WriteNumber("p99Ms", Round(r.PacedLatency.P99));
                json.WriteNumber("p50Ms", Round(r.PacedLatency.P50));
                json.WriteNumber("writesPerBinding", Round(r.WritesPerBinding));
                json.WriteNumber("coldStartToScheduledP50Ms", Round(r.ColdLatency.P50));
                json.WriteNumber("coldStartToScheduledP99Ms", Round(r.ColdLatency.P99));
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
