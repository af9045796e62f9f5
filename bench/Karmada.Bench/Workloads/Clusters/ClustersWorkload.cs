using System.Globalization;
using System.Text;
using System.Text.Json;
using Karmada.Bench.Measurement;
using Karmada.Storage;

namespace Karmada.Bench.Workloads.Clusters;

/// <summary>
/// Issue 4 <c>clusters</c>: many simulated clusters' heartbeats against one control plane: status processing delay,
/// the CPU of keeping their status (beside the same process before the controllers ran), join → Ready.
/// </summary>
public sealed class ClustersWorkload : IWorkload
{
    public string Name => "clusters";

    public string Description => "many lightweight members joined: join -> Ready, heartbeat CPU (vs no controllers), status processing delay";

    public IReadOnlyList<string> Usage { get; } =
    [
        "--members N           simulated members (default 1000 full, 100 small)",
        "--nodes N             nodes per member (default 2)",
        "--join-rate N         joins per second, open loop (default 10)",
        "--window-seconds N    baseline and steady CPU windows (default 30 full, 20 small)",
        "--samples N           members whose node readiness is flipped for the delay (default 100 full, 20 small)",
        "--backend sqlite|memory  control-plane storage (default sqlite, as karmada up)",
    ];

    public async Task<int> RunAsync(BenchArguments arguments, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(arguments);
        ClustersBenchSettings settings;
        try
        {
            settings = Parse(arguments);
        }
        catch (FormatException ex)
        {
            await Console.Error.WriteLineAsync(ex.Message);
            return 2;
        }

        var report = await ClustersBenchmark.RunAsync(settings, cancellationToken);
        Console.WriteLine(Table(report, settings, arguments.Scale));
        if (arguments.Json)
        {
            Console.WriteLine(Json(report, settings));
        }

        return report.JoinedReady == report.Joined && report.SamplesMissed == 0 ? 0 : 1;
    }

    internal static StorageBackend ParseBackend(BenchArguments arguments) => arguments.Get("backend", "sqlite").ToLowerInvariant() switch
    {
        "sqlite" => StorageBackend.Sqlite,
        "memory" => StorageBackend.Memory,
        var other => throw new FormatException($"--backend must be sqlite or memory, not '{other}'"),
    };

    private static ClustersBenchSettings Parse(BenchArguments arguments)
    {
        var defaults = ClustersBenchSettings.For(arguments.Scale);
        int Int(string name, int fallback) => int.Parse(arguments.Get(name, fallback.ToString(CultureInfo.InvariantCulture)), CultureInfo.InvariantCulture);
        var settings = defaults with
        {
            Members = Int("members", defaults.Members),
            NodesPerMember = Int("nodes", defaults.NodesPerMember),
            JoinsPerSecond = double.Parse(arguments.Get("join-rate", defaults.JoinsPerSecond.ToString(CultureInfo.InvariantCulture)), CultureInfo.InvariantCulture),
            Window = TimeSpan.FromSeconds(Int("window-seconds", (int)defaults.Window.TotalSeconds)),
            Samples = Int("samples", defaults.Samples),
            Backend = ParseBackend(arguments),
        };
        if (settings.Members <= 0 || settings.NodesPerMember <= 0 || settings.JoinsPerSecond <= 0 || settings.Window <= TimeSpan.Zero
            || settings.Samples <= 0 || settings.Samples > settings.Members)
        {
            throw new FormatException("--members, --nodes, --join-rate and --window-seconds must be positive, and 0 < --samples <= --members");
        }

        return settings;
    }

    private static string Table(ClustersReport r, ClustersBenchSettings s, BenchScale scale)
    {
        var text = new StringBuilder();
        text.AppendLine(null, $"== clusters (scale {scale.ToString().ToLowerInvariant()}, {s.Members} members x {s.NodesPerMember} nodes, joins at {s.JoinsPerSecond}/s, {s.Backend.ToString().ToLowerInvariant()}, {Environment.ProcessorCount} cores)");
        text.AppendLine(null, $"members started in {r.MembersStartElapsed.TotalSeconds:F1}s; baseline (API server + idle members, no controllers): {r.BaselineCores:F3} cores");
        text.AppendLine(null, $"{"phase",-44} {"n",6} {"p50 ms",9} {"p90 ms",9} {"p99 ms",9} {"max ms",9}");
        Row("join -> Ready", r.JoinToReady);
        Row("  join requests (karmadactl join)", r.JoinParts.JoinRequests);
        Row("  join start -> Cluster created (watch)", r.JoinParts.StartToCreated);
        Row("  Cluster created -> Ready (watch)", r.JoinParts.CreatedToReady);
        Row("status processing delay (probe -> status)", r.ProcessingDelay);
        Row("end to end (change -> status)", r.EndToEndDelay);
        Row("clusterStatus reconcile wall time", r.StatusReconcileTime);
        text.AppendLine(null, $"joined {r.JoinedReady}/{r.Joined} Ready, last after {r.JoinElapsed.TotalSeconds:F1}s; delay samples {r.Samples} (missed {r.SamplesMissed})");
        text.AppendLine(null, $"steady heartbeats: {r.SteadyCores:F3} cores ({r.HeartbeatCores:F3} above baseline), {r.StatusReconcilesPerSecond:F1} clusterStatus reconciles/s, {r.SteadyAllocatedMbPerSecond:F1} MB/s allocated; RSS {r.RssBytes / (1024.0 * 1024):F0} MiB");
        return text.ToString();

        void Row(string name, LatencySummary l) =>
            text.AppendLine(null, $"{name,-44} {l.Count,6} {l.P50,9:F1} {l.P90,9:F1} {l.P99,9:F1} {l.Max,9:F1}");
    }

    private static string Json(ClustersReport r, ClustersBenchSettings s)
    {
        static double Round(double value) => Math.Round(value, 3);
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartObject();
            json.WriteString("workload", "clusters");
            json.WriteNumber("members", s.Members);
            json.WriteNumber("nodesPerMember", s.NodesPerMember);
            json.WriteNumber("joinsPerSec", s.JoinsPerSecond);
            json.WriteString("backend", s.Backend.ToString().ToLowerInvariant());
            json.WriteNumber("membersStartSeconds", Round(r.MembersStartElapsed.TotalSeconds));
            json.WriteNumber("joinedReady", r.JoinedReady);
            json.WriteNumber("joinToReadyP50Ms", Round(r.JoinToReady.P50));
            json.WriteNumber("joinToReadyP99Ms", Round(r.JoinToReady.P99));
            json.WriteNumber("joinRequestsP50Ms", Round(r.JoinParts.JoinRequests.P50));
            json.WriteNumber("joinRequestsP99Ms", Round(r.JoinParts.JoinRequests.P99));
            json.WriteNumber("createdToReadyP50Ms", Round(r.JoinParts.CreatedToReady.P50));
            json.WriteNumber("createdToReadyP99Ms", Round(r.JoinParts.CreatedToReady.P99));
            json.WriteNumber("baselineCores", Round(r.BaselineCores));
            json.WriteNumber("steadyCores", Round(r.SteadyCores));
            json.WriteNumber("heartbeatCores", Round(r.HeartbeatCores));
            json.WriteNumber("statusReconcilesPerSec", Round(r.StatusReconcilesPerSecond));
            json.WriteNumber("statusReconcileP90Ms", Round(r.StatusReconcileTime.P90));
            json.WriteNumber("processingDelayP50Ms", Round(r.ProcessingDelay.P50));
            json.WriteNumber("processingDelayP90Ms", Round(r.ProcessingDelay.P90));
            json.WriteNumber("endToEndDelayP90Ms", Round(r.EndToEndDelay.P90));
            json.WriteNumber("delaySamples", r.Samples);
            json.WriteNumber("rssMiB", Round(r.RssBytes / (1024.0 * 1024)));
            json.WriteEndObject();
        }

        return Encoding.UTF8.GetString(buffer.ToArray());
    }
}
