using System.Globalization;
using System.Text;
using System.Text.Json;
using Karmada.Bench.Workloads.Clusters;

namespace Karmada.Bench.Workloads.Fanout;

/// <summary>Issue 8 <c>fanout</c>: one Duplicated Deployment to many simulated members, <c>secondsToAll</c>, beside direct creates.</summary>
public sealed class FanoutWorkload : IWorkload
{
    public string Name => "fanout";

    public string Description => "one Duplicated Deployment to every member: secondsToAll (vs the same Deployment created directly in each member)";

    public IReadOnlyList<string> Usage { get; } =
    [
        "--members N           simulated members (default 1000 full, 100 small)",
        "--nodes N             nodes per member (default 1)",
        "--replicas N          replicas of the Deployment in each member (default 1)",
        "--join-rate N         joins per second while setting up (default 20)",
        "--backend sqlite|memory  control-plane storage (default sqlite)",
        "(every member shares this process's heap; the bench runs with Server GC, see docs/benchmarks.md)",
    ];

    public async Task<int> RunAsync(BenchArguments arguments, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(arguments);
        FanoutBenchSettings settings;
        try
        {
            var defaults = FanoutBenchSettings.For(arguments.Scale);
            int Int(string name, int fallback) => int.Parse(arguments.Get(name, fallback.ToString(CultureInfo.InvariantCulture)), CultureInfo.InvariantCulture);
            settings = defaults with
            {
                Members = Int("members", defaults.Members),
                NodesPerMember = Int("nodes", defaults.NodesPerMember),
                Replicas = Int("replicas", defaults.Replicas),
                JoinsPerSecond = double.Parse(arguments.Get("join-rate", defaults.JoinsPerSecond.ToString(CultureInfo.InvariantCulture)), CultureInfo.InvariantCulture),
                Backend = ClustersWorkload.ParseBackend(arguments),
            };
            if (settings.Members <= 0 || settings.NodesPerMember <= 0 || settings.Replicas < 0 || settings.JoinsPerSecond <= 0)
            {
                throw new FormatException("--members, --nodes and --join-rate must be positive, --replicas not negative");
            }
        }
        catch (FormatException ex)
        {
            await Console.Error.WriteLineAsync(ex.Message);
            return 2;
        }

        var r = await FanoutBenchmark.RunAsync(settings, cancellationToken);
        var text = new StringBuilder();
        text.AppendLine(null, $"== fanout (scale {arguments.Scale.ToString().ToLowerInvariant()}, {settings.Members} members x {settings.NodesPerMember} nodes, {settings.Replicas} replica(s), {settings.Backend.ToString().ToLowerInvariant()}, {Environment.ProcessorCount} cores)");
        text.AppendLine(null, $"joined {r.JoinedReady}/{settings.Members} Ready; join -> Ready p50 {r.JoinToReady.P50:F0} ms, p99 {r.JoinToReady.P99:F0} ms");
        text.AppendLine(null, $"idle: {r.IdleCores:F2} cores with nothing to do");
        text.AppendLine(null, $"baseline: bench creates the Deployment directly in all {settings.Members} members (16 clients): {r.RawToAll.TotalSeconds:F2} s (create p50 {r.RawLatency.P50:F0} ms, p99 {r.RawLatency.P99:F0} ms); {r.Raw.Describe()}");
        text.AppendLine(null, $"fan-out: template create -> Deployment in {r.Arrived}/{settings.Members} members: secondsToAll {r.ToAll.TotalSeconds:F2} s (arrival p50 {r.Arrival.P50:F0} ms, p90 {r.Arrival.P90:F0} ms, p99 {r.Arrival.P99:F0} ms); {r.Fanout.Describe()}; {r.ThreadPoolThreads} pool threads; RSS {r.RssBytes / (1024.0 * 1024):F0} MiB");
        text.AppendLine("controllers and clients during the baseline:").Append(r.RawControllers);
        text.AppendLine("controllers and clients during the fan-out:").Append(r.FanoutControllers);
        Console.WriteLine(text.ToString());
        if (arguments.Json)
        {
            using var buffer = new MemoryStream();
            using (var json = new Utf8JsonWriter(buffer))
            {
                json.WriteStartObject();
                json.WriteString("workload", "fanout");
                json.WriteNumber("members", settings.Members);
                json.WriteString("backend", settings.Backend.ToString().ToLowerInvariant());
                json.WriteNumber("joinedReady", r.JoinedReady);
                json.WriteNumber("joinToReadyP99Ms", Math.Round(r.JoinToReady.P99, 2));
                json.WriteNumber("idleCores", Math.Round(r.IdleCores, 3));
                json.WriteNumber("rawSecondsToAll", Math.Round(r.RawToAll.TotalSeconds, 3));
                json.WriteNumber("rawCreateP50Ms", Math.Round(r.RawLatency.P50, 2));
                json.WriteNumber("rawCores", Math.Round(r.Raw.Cores, 3));
                json.WriteNumber("rawCpuMsPerMember", Math.Round(r.Raw.CpuMsPerMember, 2));
                json.WriteNumber("arrived", r.Arrived);
                json.WriteNumber("secondsToAll", Math.Round(r.ToAll.TotalSeconds, 3));
                json.WriteNumber("arrivalP50Ms", Math.Round(r.Arrival.P50, 2));
                json.WriteNumber("arrivalP99Ms", Math.Round(r.Arrival.P99, 2));
                json.WriteNumber("cores", Math.Round(r.Cores, 3));
                json.WriteNumber("fanoutCpuMsPerMember", Math.Round(r.Fanout.CpuMsPerMember, 2));
                json.WriteNumber("fanoutAllocatedKiBPerMember", Math.Round(r.Fanout.AllocatedKiBPerMember, 1));
                json.WriteNumber("fanoutGen2", r.Fanout.Resources.Gen2);
                json.WriteNumber("fanoutGcPauseMs", Math.Round(r.Fanout.GcPause.TotalMilliseconds, 1));
                json.WriteNumber("threadPoolThreads", r.ThreadPoolThreads);
                json.WriteNumber("rssMiB", Math.Round(r.RssBytes / (1024.0 * 1024), 1));
                json.WriteEndObject();
            }

            Console.WriteLine(Encoding.UTF8.GetString(buffer.ToArray()));
        }

        return r.Arrived == settings.Members ? 0 : 1;
    }
}
