using System.Globalization;
using System.Text;
using System.Text.Json;
using Karmada.Bench.Measurement;
using Karmada.Storage;

namespace Karmada.Bench.Workloads.Propagation;

/// <summary>
/// Issue 6 <c>propagation</c>: template create → object in every target member, through the whole pipeline (detector,
/// scheduler, binding controller, execution) with 10 simulated members, paced and unpaced, against the raw API
/// create latency of the same objects as the in-run baseline.
/// </summary>
public sealed class PropagationWorkload : IWorkload
{
    public string Name => "propagation";

    public string Description => "template -> every target member: distribution latency (paced) and Deployments/s, Works/s (unpaced) vs raw creates";

    public IReadOnlyList<string> Usage { get; } =
    [
        "--deployments N       applications (ConfigMap + Deployment + PropagationPolicy; default 1000 full, 100 small)",
        "--members N           simulated members (default 10)",
        "--targets N           target members per application (default 3)",
        "--replicas N          replicas per Deployment in each member (default 1)",
        "--rate N              paced phase creates per second (default 5)",
        "--concurrency N       unpaced phase concurrent clients (default 16)",
        "--backend sqlite|memory  control-plane storage (default sqlite, as karmada up)",
    ];

    public async Task<int> RunAsync(BenchArguments arguments, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(arguments);
        PropagationBenchSettings settings;
        try
        {
            settings = Parse(arguments);
        }
        catch (FormatException ex)
        {
            await Console.Error.WriteLineAsync(ex.Message);
            return 2;
        }

        var report = await PropagationBenchmark.RunAsync(settings, cancellationToken);
        Console.WriteLine(Table(report, settings, arguments.Scale));
        if (arguments.Json)
        {
            Console.WriteLine(Json(report, settings));
        }

        return report.PacedDistributed == settings.Deployments && report.BurstDistributed == settings.Deployments ? 0 : 1;
    }

    private static PropagationBenchSettings Parse(BenchArguments arguments)
    {
        var defaults = PropagationBenchSettings.For(arguments.Scale);
        int Int(string name, int fallback) => int.Parse(arguments.Get(name, fallback.ToString(CultureInfo.InvariantCulture)), CultureInfo.InvariantCulture);
        var settings = defaults with
        {
            Deployments = Int("deployments", defaults.Deployments),
            Members = Int("members", defaults.Members),
            TargetsPerDeployment = Int("targets", defaults.TargetsPerDeployment),
            Replicas = Int("replicas", defaults.Replicas),
            PacedPerSecond = double.Parse(arguments.Get("rate", defaults.PacedPerSecond.ToString(CultureInfo.InvariantCulture)), CultureInfo.InvariantCulture),
            BurstConcurrency = Int("concurrency", defaults.BurstConcurrency),
            Backend = arguments.Get("backend", "sqlite").ToLowerInvariant() switch
            {
                "sqlite" => StorageBackend.Sqlite,
                "memory" => StorageBackend.Memory,
                var other => throw new FormatException($"--backend must be sqlite or memory, not '{other}'"),
            },
        };
        if (settings.Deployments <= 0 || settings.Members <= 0 || settings.TargetsPerDeployment <= 0 || settings.TargetsPerDeployment > settings.Members
            || settings.Replicas < 0 || settings.PacedPerSecond <= 0 || settings.BurstConcurrency <= 0)
        {
            throw new FormatException("--deployments, --members, --rate and --concurrency must be positive, --replicas not negative, and 0 < --targets <= --members");
        }

        return settings;
    }

    private static string Table(PropagationReport r, PropagationBenchSettings s, BenchScale scale)
    {
        var text = new StringBuilder();
        text.AppendLine(null, $"== propagation (scale {scale.ToString().ToLowerInvariant()}, {s.Deployments} applications, {s.Members} members, {s.TargetsPerDeployment} targets each, {s.Replicas} replica(s), {s.Backend.ToString().ToLowerInvariant()}, {Environment.ProcessorCount} cores)");
        text.AppendLine(null, $"{"phase",-34} {"n",6} {"p50 ms",9} {"p99 ms",9} {"max ms",9} {"rate/s",9} {"cores",6}");
        Row("baseline: control-plane create", r.BaselineControlPlaneCreate, null, null);
        Row("baseline: member create", r.BaselineMemberCreate, null, null);
        Row($"paced {s.PacedPerSecond}/s: template create", r.PacedCreate, null, null);
        Row($"paced {s.PacedPerSecond}/s: create -> all members", r.PacedDistribution, null, PropagationReport.Cores(r.PacedResources, r.PacedElapsed));
        Row("unpaced: create -> all members", r.BurstDistribution, r.BurstDeploymentsPerSecond, PropagationReport.Cores(r.BurstResources, r.BurstElapsed));
        text.AppendLine(null, $"unpaced: {r.BurstDistributed} Deployments in {r.BurstElapsed.TotalSeconds:F1}s = {r.BurstDeploymentsPerSecond:F1} Deployments/s; {r.BurstWorks} Works = {r.BurstWorksPerSecond:F1} Works/s; cpu {r.BurstResources?.Cpu.TotalSeconds ?? 0:F1}s");
        text.AppendLine(null, $"paced: {r.PacedDistributed}/{s.Deployments} distributed; cpu {r.PacedResources?.Cpu.TotalSeconds ?? 0:F1}s over {r.PacedElapsed.TotalSeconds:F1}s; RSS after {r.RssBytesAfter / (1024.0 * 1024):F0} MiB (whole process: control plane, controllers, scheduler, {s.Members} members)");
        return text.ToString();

        void Row(string name, LatencySummary latency, double? rate, double? cores) =>
            text.AppendLine(null, $"{name,-34} {latency.Count,6} {latency.P50,9:F1} {latency.P99,9:F1} {latency.Max,9:F1} {(rate is { } x ? x.ToString("F1", CultureInfo.InvariantCulture) : "-"),9} {(cores is { } c ? c.ToString("F2", CultureInfo.InvariantCulture) : "-"),6}");
    }

    private static string Json(PropagationReport r, PropagationBenchSettings s)
    {
        static double Round(double value) => Math.Round(value, 2);
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartObject();
            json.WriteString("workload", "propagation");
            json.WriteNumber("deployments", s.Deployments);
            json.WriteNumber("members", s.Members);
            json.WriteNumber("targetsPerDeployment", s.TargetsPerDeployment);
            json.WriteString("backend", s.Backend.ToString().ToLowerInvariant());
            json.WriteNumber("baselineControlPlaneCreateP50Ms", Round(r.BaselineControlPlaneCreate.P50));
            json.WriteNumber("baselineControlPlaneCreateP99Ms", Round(r.BaselineControlPlaneCreate.P99));
            json.WriteNumber("baselineMemberCreateP50Ms", Round(r.BaselineMemberCreate.P50));
            json.WriteNumber("baselineMemberCreateP99Ms", Round(r.BaselineMemberCreate.P99));
            json.WriteNumber("pacedPerSec", s.PacedPerSecond);
            json.WriteNumber("pacedDistributed", r.PacedDistributed);
            json.WriteNumber("pacedDistributionP50Ms", Round(r.PacedDistribution.P50));
            json.WriteNumber("pacedDistributionP99Ms", Round(r.PacedDistribution.P99));
            json.WriteNumber("pacedCores", Round(PropagationReport.Cores(r.PacedResources, r.PacedElapsed)));
            json.WriteNumber("unpacedDistributed", r.BurstDistributed);
            json.WriteNumber("unpacedDeploymentsPerSec", Round(r.BurstDeploymentsPerSecond));
            json.WriteNumber("unpacedWorksPerSec", Round(r.BurstWorksPerSecond));
            json.WriteNumber("unpacedDistributionP50Ms", Round(r.BurstDistribution.P50));
            json.WriteNumber("unpacedDistributionP99Ms", Round(r.BurstDistribution.P99));
            json.WriteNumber("unpacedCores", Round(PropagationReport.Cores(r.BurstResources, r.BurstElapsed)));
            json.WriteNumber("rssMiBAfter", Round(r.RssBytesAfter / (1024.0 * 1024)));
            json.WriteEndObject();
        }

        return Encoding.UTF8.GetString(buffer.ToArray());
    }
}
