using System.Globalization;
using System.Text;
using System.Text.Json;

namespace Karmada.Bench.Workloads.Members;

/// <summary>
/// Issue 3 <c>members</c>: memory and CPU of many simulated members in one process, idle and under Deployments created
/// directly in them, and pods brought to Ready per second, beside the empty process and one node-less member.
/// </summary>
public sealed class MembersWorkload : IWorkload
{
    private const double MiB = 1024.0 * 1024;

    public string Name => "members";

    public string Description => "simulated members in one process: RSS, heap, idle CPU, Deployments -> pods Ready/s (vs empty process, one node-less member)";

    public IReadOnlyList<string> Usage { get; } =
    [
        "--members N[,N...]    fleet sizes, each started, measured and stopped in turn (default 10,100 full; 1,10 small)",
        "--nodes N             nodes per member (default 100 full, 10 small)",
        "--deployments N       Deployments spread round-robin over the members (default 1000 full, 100 small)",
        "--replicas N          replicas per Deployment (default 2)",
        "--idle-seconds N      length of each idle CPU window (default 30 full, 5 small)",
    ];

    public async Task<int> RunAsync(BenchArguments arguments, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(arguments);
        MembersBenchSettings settings;
        try
        {
            settings = Parse(arguments);
        }
        catch (FormatException ex)
        {
            await Console.Error.WriteLineAsync(ex.Message);
            return 2;
        }

        var (baseline, fleets) = await MembersBenchmark.RunAsync(settings, cancellationToken);
        Console.WriteLine(Table(baseline, fleets, settings, arguments.Scale));
        if (arguments.Json)
        {
            Console.WriteLine(Json(baseline, fleets, settings));
        }

        return fleets.All(f => f.DeploymentsReady == f.Deployments) ? 0 : 1;
    }

    private static MembersBenchSettings Parse(BenchArguments arguments)
    {
        var defaults = MembersBenchSettings.For(arguments.Scale);
        int Int(string name, int fallback) => int.Parse(arguments.Get(name, fallback.ToString(CultureInfo.InvariantCulture)), CultureInfo.InvariantCulture);
        var counts = arguments.Has("members")
            ? arguments.Get("members", "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(c => int.Parse(c, CultureInfo.InvariantCulture)).ToList()
            : defaults.MemberCounts;
        var settings = defaults with
        {
            MemberCounts = counts,
            NodesPerMember = Int("nodes", defaults.NodesPerMember),
            Deployments = Int("deployments", defaults.Deployments),
            Replicas = Int("replicas", defaults.Replicas),
            IdleWindow = TimeSpan.FromSeconds(Int("idle-seconds", (int)defaults.IdleWindow.TotalSeconds)),
        };
        if (settings.MemberCounts.Count == 0 || settings.MemberCounts.Any(c => c <= 0) || settings.NodesPerMember <= 0 || settings.Deployments <= 0
            || settings.Replicas < 0 || settings.IdleWindow <= TimeSpan.Zero)
        {
            throw new FormatException("--members, --nodes, --deployments and --idle-seconds must be positive, --replicas not negative");
        }

        return settings;
    }

    private static string Table(MembersBaseline b, IReadOnlyList<MembersFleetResult> fleets, MembersBenchSettings s, BenchScale scale)
    {
        var text = new StringBuilder();
        text.AppendLine(null, $"== members (scale {scale.ToString().ToLowerInvariant()}, {s.NodesPerMember} nodes per member, {s.Deployments} Deployments x {s.Replicas} replicas, idle windows {s.IdleWindow.TotalSeconds:0}s, {Environment.ProcessorCount} cores)");
        text.AppendLine(null, $"baseline: empty process RSS {b.EmptyRssBytes / MiB:F0} MiB, heap {b.EmptyManagedBytes / MiB:F0} MiB, idle {b.EmptyIdleCores:F3} cores; one member with 0 nodes RSS {b.OneMemberRssBytes / MiB:F0} MiB, heap {b.OneMemberManagedBytes / MiB:F0} MiB, idle {b.OneMemberIdleCores:F3} cores");
        text.AppendLine(null, $"{"members",8} {"start s",8} {"idle RSS",9} {"idle heap",10} {"idle cores",11} {"alloc MB/s",11} {"ready",11} {"pods/s",8} {"p50 ms",8} {"p99 ms",8} {"load cores",11} {"RSS after",10} {"heap after",11} {"idle cores",11}");
        foreach (var f in fleets)
        {
            text.AppendLine(null, $"{f.Members,8} {f.StartElapsed.TotalSeconds,8:F1} {f.IdleRssBytes / MiB,9:F0} {f.IdleManagedBytes / MiB,10:F0} {f.IdleCores,11:F3} {f.IdleAllocatedMbPerSecond,11:F2} {f.DeploymentsReady + "/" + f.Deployments,11} {f.PodsReadyPerSecond,8:F0} {f.CreateToReady.P50,8:F0} {f.CreateToReady.P99,8:F0} {f.LoadCores,11:F2} {f.LoadedRssBytes / MiB,10:F0} {f.LoadedManagedBytes / MiB,11:F0} {f.LoadedIdleCores,11:F3}");
        }

        foreach (var f in fleets)
        {
            var verbs = string.Join(' ', f.MemberRequests.Select(r => string.Create(CultureInfo.InvariantCulture, $"{r.Key}={r.Value}")));
            var reconciles = string.Join(' ', f.Reconciles.Select(r => string.Create(CultureInfo.InvariantCulture, $"{r.Key}={(double)r.Value / Math.Max(1, f.Deployments):F2}")));
            text.AppendLine(null, $"{f.Members,8} members under load: cpu {f.CpuMsPerPod:F2} ms/pod, {f.AllocatedKbPerPod:F0} KB allocated/pod, member writes {f.WritesPerPod:F2}/pod; member requests {verbs}");
            text.AppendLine(null, $"{"",8} reconciles per Deployment: {reconciles}");
        }

        text.AppendLine("(RSS/heap in MiB, settled after a compacting GC; cores = process CPU seconds / wall seconds; 'ready' = Deployments with every replica Ready; the last idle cores column is with the Deployments running)");
        return text.ToString();
    }

    private static string Json(MembersBaseline b, IReadOnlyList<MembersFleetResult> fleets, MembersBenchSettings s)
    {
        static double Round(double value) => Math.Round(value, 3);
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartObject();
            json.WriteString("workload", "members");
            json.WriteNumber("nodesPerMember", s.NodesPerMember);
            json.WriteNumber("deployments", s.Deployments);
            json.WriteNumber("replicas", s.Replicas);
            json.WriteNumber("idleWindowSeconds", s.IdleWindow.TotalSeconds);
            json.WriteNumber("baselineEmptyRssMiB", Round(b.EmptyRssBytes / MiB));
            json.WriteNumber("baselineEmptyIdleCores", Round(b.EmptyIdleCores));
            json.WriteNumber("baselineOneMemberRssMiB", Round(b.OneMemberRssBytes / MiB));
            json.WriteNumber("baselineOneMemberHeapMiB", Round(b.OneMemberManagedBytes / MiB));
            json.WriteNumber("baselineOneMemberIdleCores", Round(b.OneMemberIdleCores));
            json.WriteStartArray("fleets");
            foreach (var f in fleets)
            {
                json.WriteStartObject();
                json.WriteNumber("members", f.Members);
                json.WriteNumber("startSeconds", Round(f.StartElapsed.TotalSeconds));
                json.WriteNumber("idleRssMiB", Round(f.IdleRssBytes / MiB));
                json.WriteNumber("idleHeapMiB", Round(f.IdleManagedBytes / MiB));
                json.WriteNumber("idleCores", Round(f.IdleCores));
                json.WriteNumber("idleAllocatedMBPerSec", Round(f.IdleAllocatedMbPerSecond));
                json.WriteNumber("deploymentsReady", f.DeploymentsReady);
                json.WriteNumber("podsReadyPerSec", Round(f.PodsReadyPerSecond));
                json.WriteNumber("createToReadyP50Ms", Round(f.CreateToReady.P50));
                json.WriteNumber("createToReadyP99Ms", Round(f.CreateToReady.P99));
                json.WriteNumber("loadCores", Round(f.LoadCores));
                json.WriteNumber("cpuMsPerPod", Round(f.CpuMsPerPod));
                json.WriteNumber("allocatedKBPerPod", Round(f.AllocatedKbPerPod));
                json.WriteNumber("memberWritesPerPod", Round(f.WritesPerPod));
                json.WriteStartObject("memberRequests");
                foreach (var (verb, n) in f.MemberRequests)
                {
                    json.WriteNumber(verb, n);
                }

                json.WriteEndObject();
                json.WriteStartObject("reconcilesPerDeployment");
                foreach (var (controller, n) in f.Reconciles)
                {
                    json.WriteNumber(controller, Round((double)n / Math.Max(1, f.Deployments)));
                }

                json.WriteEndObject();
                json.WriteNumber("loadedRssMiB", Round(f.LoadedRssBytes / MiB));
                json.WriteNumber("loadedHeapMiB", Round(f.LoadedManagedBytes / MiB));
                json.WriteNumber("loadedIdleCores", Round(f.LoadedIdleCores));
                json.WriteEndObject();
            }

            json.WriteEndArray();
            json.WriteEndObject();
        }

        return Encoding.UTF8.GetString(buffer.ToArray());
    }
}
