using System.Globalization;
using System.Text;
using System.Text.Json;
using Karmada.Bench.Measurement;
using Karmada.Storage;

namespace Karmada.Bench.Workloads.E2E;

/// <summary>
/// Issue 8 <c>e2e</c>: Karmada's CI performance scenario (10 members × 10 nodes; namespaces × 1 ConfigMap, Deployments
/// × 10 replicas, one Divided/Weighted PropagationPolicy with propagateDeps each), half paced at 5/s, half unpaced,
/// beside raw Deployment creates on the control plane and in a member measured in the same run.
/// </summary>
public sealed class E2EWorkload : IWorkload
{
    private const double MiB = 1024.0 * 1024;

    public string Name => "e2e";

    public string Description => "Karmada's CI scenario end to end: paced create -> every member p50/p99, Deployments/s, Works/s, time to all ready, peak RSS, CPU";

    public IReadOnlyList<string> Usage { get; } =
    [
        "--namespaces N        namespaces, first half paced, rest unpaced (default 10 full, 2 small)",
        "--deployments N       Deployments (and policies) per namespace (default 100 full, 20 small)",
        "--replicas N          replicas per Deployment, divided over the members (default 10)",
        "--members N           simulated members (default 10)",
        "--nodes N             nodes per member (default 10)",
        "--rate N              paced creates per second (default 5)",
        "--concurrency N       unpaced concurrent clients (default 16)",
        "--backend sqlite|memory  control-plane storage (default sqlite, as karmada up)",
        "--members-only N      Deployments of the members-only baseline, run after the paced phase (and half as many cold, first; default a twentieth of the scenario; 0 skips both)",
    ];

    public async Task<int> RunAsync(BenchArguments arguments, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(arguments);
        E2EBenchSettings settings;
        try
        {
            settings = Parse(arguments);
        }
        catch (FormatException ex)
        {
            await Console.Error.WriteLineAsync(ex.Message);
            return 2;
        }

        var report = await E2EBenchmark.RunAsync(settings, cancellationToken);
        Console.WriteLine(Table(report, settings, arguments.Scale));
        if (arguments.Json)
        {
            Console.WriteLine(Json(report, settings));
        }

        return report.PacedDistributed == report.PacedDeployments && report.UnpacedDistributed == report.UnpacedDeployments && report.Ready == settings.Deployments ? 0 : 1;
    }

    private static E2EBenchSettings Parse(BenchArguments arguments)
    {
        var defaults = E2EBenchSettings.For(arguments.Scale);
        int Int(string name, int fallback) => int.Parse(arguments.Get(name, fallback.ToString(CultureInfo.InvariantCulture)), CultureInfo.InvariantCulture);
        var settings = defaults with
        {
            Namespaces = Int("namespaces", defaults.Namespaces),
            DeploymentsPerNamespace = Int("deployments", defaults.DeploymentsPerNamespace),
            Replicas = Int("replicas", defaults.Replicas),
            Members = Int("members", defaults.Members),
            NodesPerMember = Int("nodes", defaults.NodesPerMember),
            PacedPerSecond = double.Parse(arguments.Get("rate", defaults.PacedPerSecond.ToString(CultureInfo.InvariantCulture)), CultureInfo.InvariantCulture),
            BurstConcurrency = Int("concurrency", defaults.BurstConcurrency),
            Backend = arguments.Get("backend", "sqlite").ToLowerInvariant() switch
            {
                "sqlite" => StorageBackend.Sqlite,
                "memory" => StorageBackend.Memory,
                var other => throw new FormatException($"--backend must be sqlite or memory, not '{other}'"),
            },
        };
        settings = settings with { MembersOnlyDeployments = Int("members-only", E2EBenchSettings.DefaultMembersOnly(settings.Deployments)) };
        if (settings.MembersOnlyDeployments < 0)
        {
            throw new FormatException("--members-only must be 0 or more");
        }

        if (settings.Namespaces < 2 || settings.DeploymentsPerNamespace <= 0 || settings.Replicas <= 0 || settings.Members <= 0
            || settings.NodesPerMember <= 0 || settings.PacedPerSecond <= 0 || settings.BurstConcurrency <= 0)
        {
            throw new FormatException("--namespaces must be at least 2 (one paced, one unpaced); --deployments, --replicas, --members, --nodes, --rate and --concurrency positive");
        }

        return settings;
    }

    private static string Table(E2EReport r, E2EBenchSettings s, BenchScale scale)
    {
        var text = new StringBuilder();
        text.AppendLine(null, $"== e2e (scale {scale.ToString().ToLowerInvariant()}, {s.Namespaces} namespaces x {s.DeploymentsPerNamespace} Deployments x {s.Replicas} replicas, Divided/Weighted over {s.Members} members x {s.NodesPerMember} nodes, {s.Backend.ToString().ToLowerInvariant()}, {Environment.ProcessorCount} cores, load average {r.LoadAverage.Start:F1} -> {r.LoadAverage.End:F1})");
        text.AppendLine(null, $"{"phase",-40} {"n",6} {"p50 ms",9} {"p99 ms",9} {"max ms",9}");
        Row("baseline: control-plane create", r.BaselineControlPlaneCreate);
        Row("baseline: member create", r.BaselineMemberCreate);
        Row($"paced {s.PacedPerSecond}/s: template create", r.PacedCreate);
        Row($"paced {s.PacedPerSecond}/s: create -> every target member", r.PacedDistribution);
        Row("unpaced: create -> every target member", r.UnpacedDistribution);
        text.AppendLine(null, $"paced: {r.PacedDistributed}/{r.PacedDeployments} distributed; all ready after {Seconds(r.PacedToAllReady)}");
        text.AppendLine(null, $"unpaced: {r.UnpacedDistributed}/{r.UnpacedDeployments} Deployments in {r.UnpacedElapsed.TotalSeconds:F1}s = {r.DeploymentsPerSecond:F1} Deployments/s; {r.UnpacedWorks} Works = {r.WorksPerSecond:F1} Works/s; all ready after {Seconds(r.UnpacedToAllReady)}");
        if (r.MembersOnly.Deployments > 0)
        {
            text.AppendLine(null, $"members-only baseline (warm, after the paced phase): {r.MembersOnly.Ready}/{r.MembersOnly.Deployments} Deployments' member copies ({s.Members} x 1 replica each) ready in {r.MembersOnly.Elapsed.TotalSeconds:F1}s = {r.MembersOnly.DeploymentsPerSecond:F1}/s; cpu {r.MembersOnly.CpuMsPerDeployment:F1} ms per Deployment");
            text.AppendLine(null, $"members-only baseline (cold, first thing through the members): {r.MembersOnlyCold.Ready}/{r.MembersOnlyCold.Deployments} in {r.MembersOnlyCold.Elapsed.TotalSeconds:F1}s = {r.MembersOnlyCold.DeploymentsPerSecond:F1}/s; cpu {r.MembersOnlyCold.CpuMsPerDeployment:F1} ms per Deployment");
        }

        text.AppendLine(null, $"unpaced cpu: {r.UnpacedCpuMsPerDeployment:F1} ms per Deployment (whole process){(r.KarmadaCpuMsPerDeployment is { } karmada ? $", {karmada:F1} ms above the members-only baseline" : "")}");
        text.AppendLine(null, $"unpaced allocation: {r.UnpacedAllocatedKiBPerDeployment:F0} KiB per Deployment (whole process){(r.KarmadaAllocatedKiBPerDeployment is { } karmadaKiB ? $", {karmadaKiB:F0} KiB above the members-only baseline ({r.MembersOnly.AllocatedKiBPerDeployment:F0} KiB)" : "")}; GC {r.UnpacedResources.Gen0}/{r.UnpacedResources.Gen1}/{r.UnpacedResources.Gen2} (gen0/1/2) pausing {r.UnpacedGcPause.TotalMilliseconds:F0} ms");
        text.AppendLine(null, $"whole run: {r.Ready}/{s.Deployments} ready; cpu {r.Cpu.TotalSeconds:F1}s over {r.Elapsed.TotalSeconds:F1}s ({(r.Elapsed.TotalSeconds > 0 ? r.Cpu.TotalSeconds / r.Elapsed.TotalSeconds : 0):F2} cores); peak RSS {r.PeakRssBytes / MiB:F0} MiB (whole process: control plane, controllers, scheduler, {s.Members} members)");
        return text.ToString();

        void Row(string name, LatencySummary latency) =>
            text.AppendLine(null, $"{name,-40} {latency.Count,6} {latency.P50,9:F1} {latency.P99,9:F1} {latency.Max,9:F1}");

        static string Seconds(TimeSpan? elapsed) => elapsed is { } e ? e.TotalSeconds.ToString("F1", CultureInfo.InvariantCulture) + "s" : "(timed out)";
    }

    private static string Json(E2EReport r, E2EBenchSettings s)
    {
        static double Round(double value) => Math.Round(value, 2);
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartObject();
            json.WriteString("workload", "e2e");
            json.WriteNumber("pacedP50Ms", Round(r.PacedDistribution.P50));
            json.WriteNumber("pacedP99Ms", Round(r.PacedDistribution.P99));
            json.WriteNumber("deploymentsPerSec", Round(r.DeploymentsPerSecond));
            json.WriteNumber("worksPerSec", Round(r.WorksPerSecond));
            if (r.UnpacedToAllReady is { } ready)
            {
                json.WriteNumber("secondsToAllReady", Round(ready.TotalSeconds));
            }
            else
            {
                json.WriteNull("secondsToAllReady");
            }

            json.WriteNumber("peakRssMb", Round(r.PeakRssBytes / MiB));
            json.WriteNumber("cpuSeconds", Round(r.Cpu.TotalSeconds));
            json.WriteNumber("namespaces", s.Namespaces);
            json.WriteNumber("deploymentsPerNamespace", s.DeploymentsPerNamespace);
            json.WriteNumber("replicas", s.Replicas);
            json.WriteNumber("members", s.Members);
            json.WriteNumber("nodesPerMember", s.NodesPerMember);
            json.WriteString("backend", s.Backend.ToString().ToLowerInvariant());
            json.WriteNumber("pacedPerSec", s.PacedPerSecond);
            json.WriteNumber("pacedDeployments", r.PacedDeployments);
            json.WriteNumber("pacedDistributed", r.PacedDistributed);
            json.WriteNumber("pacedCreateP99Ms", Round(r.PacedCreate.P99));
            if (r.PacedToAllReady is { } pacedReady)
            {
                json.WriteNumber("pacedSecondsToAllReady", Round(pacedReady.TotalSeconds));
            }
            else
            {
                json.WriteNull("pacedSecondsToAllReady");
            }

            json.WriteNumber("unpacedDeployments", r.UnpacedDeployments);
            json.WriteNumber("unpacedDistributed", r.UnpacedDistributed);
            json.WriteNumber("unpacedP50Ms", Round(r.UnpacedDistribution.P50));
            json.WriteNumber("unpacedP99Ms", Round(r.UnpacedDistribution.P99));
            json.WriteNumber("unpacedWorks", r.UnpacedWorks);
            json.WriteNumber("ready", r.Ready);
            json.WriteNumber("elapsedSeconds", Round(r.Elapsed.TotalSeconds));
            json.WriteNumber("baselineControlPlaneCreateP50Ms", Round(r.BaselineControlPlaneCreate.P50));
            json.WriteNumber("baselineControlPlaneCreateP99Ms", Round(r.BaselineControlPlaneCreate.P99));
            json.WriteNumber("baselineMemberCreateP50Ms", Round(r.BaselineMemberCreate.P50));
            json.WriteNumber("baselineMemberCreateP99Ms", Round(r.BaselineMemberCreate.P99));
            json.WriteNumber("unpacedCpuMsPerDeployment", Round(r.UnpacedCpuMsPerDeployment));
            json.WriteNumber("baselineMembersOnlyDeployments", r.MembersOnly.Deployments);
            json.WriteNumber("baselineMembersOnlyReady", r.MembersOnly.Ready);
            json.WriteNumber("baselineMembersOnlyCpuMsPerDeployment", Round(r.MembersOnly.CpuMsPerDeployment));
            json.WriteNumber("baselineMembersOnlyDeploymentsPerSec", Round(r.MembersOnly.DeploymentsPerSecond));
            json.WriteNumber("baselineMembersOnlyColdDeployments", r.MembersOnlyCold.Deployments);
            json.WriteNumber("baselineMembersOnlyColdCpuMsPerDeployment", Round(r.MembersOnlyCold.CpuMsPerDeployment));
            json.WriteNumber("baselineMembersOnlyColdDeploymentsPerSec", Round(r.MembersOnlyCold.DeploymentsPerSecond));
            if (r.KarmadaCpuMsPerDeployment is { } karmada)
            {
                json.WriteNumber("karmadaCpuMsPerDeployment", Round(karmada));
            }
            else
            {
                json.WriteNull("karmadaCpuMsPerDeployment");
            }

            json.WriteNumber("unpacedAllocatedKiBPerDeployment", Round(r.UnpacedAllocatedKiBPerDeployment));
            json.WriteNumber("baselineMembersOnlyAllocatedKiBPerDeployment", Round(r.MembersOnly.AllocatedKiBPerDeployment));
            if (r.KarmadaAllocatedKiBPerDeployment is { } karmadaKiB)
            {
                json.WriteNumber("karmadaAllocatedKiBPerDeployment", Round(karmadaKiB));
            }
            else
            {
                json.WriteNull("karmadaAllocatedKiBPerDeployment");
            }

            json.WriteNumber("unpacedGen0", r.UnpacedResources.Gen0);
            json.WriteNumber("unpacedGen1", r.UnpacedResources.Gen1);
            json.WriteNumber("unpacedGen2", r.UnpacedResources.Gen2);
            json.WriteNumber("unpacedGcPauseMs", Round(r.UnpacedGcPause.TotalMilliseconds));
            json.WriteNumber("baselineMembersOnlyGcPauseMsPerDeployment", Round(r.MembersOnly.Deployments > 0 ? r.MembersOnly.GcPause.TotalMilliseconds / r.MembersOnly.Deployments : 0));

            json.WriteNumber("loadAverageStart", r.LoadAverage.Start);
            json.WriteNumber("loadAverageEnd", r.LoadAverage.End);
            json.WriteEndObject();
        }

        return Encoding.UTF8.GetString(buffer.ToArray());
    }
}
