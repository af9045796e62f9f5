using System.Diagnostics;
using System.Text.Json.Nodes;
using Karmada.Bench.Infrastructure;
using Karmada.Bench.Measurement;
using Karmada.Client;
using Karmada.Controllers.Status;
using Karmada.Member;
using Karmada.Member.Faults;

namespace Karmada.Bench.Workloads.Clusters;

/// <summary>
/// Issue 4's heartbeat benchmark: many lightweight simulated members joined to one control plane. Measures join →
/// Ready, the CPU of keeping every Cluster's status (probes every 10 s, version, API enablements, node and resource
/// summaries) against the same process before any controller ran, and the status processing delay of member-side
/// changes (a node going NotReady, then Ready again): from the first health probe that reaches the member after the
/// change to the Cluster's <c>nodeSummary</c> showing it on a watch, and end to end from the change itself.
/// </summary>
public static class ClustersBenchmark
{
    private static readonly TimeSpan ProbePeriod = TimeSpan.FromSeconds(10);

    public static async Task<ClustersReport> RunAsync(ClustersBenchSettings settings, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var report = new ClustersReport();
        using var data = new ScratchDirectory("clusters");
        Progress($"starting the control plane and {settings.Members} members x {settings.NodesPerMember} nodes");
        var clock = Stopwatch.StartNew();
        await using var fleet = await ClusterFleet.StartAsync(data.Path, settings.Members, settings.NodesPerMember, settings.Backend, Progress, cancellationToken);
        report.MembersStartElapsed = clock.Elapsed;

        Progress($"baseline: control plane API server and idle members, no controllers, {settings.Window.TotalSeconds:0}s");

        // Settle first: right after start-up, background tiered JIT and the start's last GCs would count as idle work.
        await Task.Delay(ProbePeriod, cancellationToken);
        (report.BaselineCores, _) = await WindowAsync(settings.Window, cancellationToken);

        using var reconciles = new ReconcileTimeListener(ClusterStatusController.Name);
        Progress("starting controller manager and scheduler");
        await fleet.StartComponentsAsync(cancellationToken);
        Progress($"joining {settings.Members} members at {settings.JoinsPerSecond}/s");
        var (ready, latency, elapsed) = await fleet.JoinAllAsync(settings.JoinsPerSecond, TimeSpan.FromSeconds(Math.Max(120, settings.Members / 5)), Progress, cancellationToken);
        report.Joined = settings.Members;
        report.JoinedReady = ready;
        report.JoinToReady = latency;
        report.JoinParts = fleet.LastJoinBreakdown;
        report.JoinElapsed = elapsed;

        // Let the join burst's follow-up work (execution namespaces, first summaries) drain before the steady window.
        await Task.Delay(ProbePeriod, cancellationToken);
        Progress($"steady heartbeats for {settings.Window.TotalSeconds:0}s");
        reconciles.Reset();
        (report.SteadyCores, report.SteadyAllocatedMbPerSecond) = await WindowAsync(settings.Window, cancellationToken);
        var steady = reconciles.Summary();
        report.StatusReconcileTime = steady;
        report.StatusReconcilesPerSecond = steady.Count / settings.Window.TotalSeconds;

        Progress($"status processing delay: {settings.Samples} members get a NotReady node, then recover");
        var sampled = Enumerable.Range(0, settings.Samples).Select(k => fleet.Members[k * fleet.Members.Count / settings.Samples]).Distinct().ToList();
        var processing = new List<long>();
        var endToEnd = new List<long>();
        var missed = 0;
        foreach (var (state, readyNodes) in new[] { (new FaultState { NotReadyNodes = 1 }, settings.NodesPerMember - 1), (FaultState.Healthy, settings.NodesPerMember) })
        {
            var results = await Task.WhenAll(sampled.Select((member, k) => SampleAsync(fleet, member, state, readyNodes, ProbePeriod * k / sampled.Count, cancellationToken)));
            foreach (var result in results)
            {
                if (result is { } r)
                {
                    processing.Add(r.Processing);
                    endToEnd.Add(r.EndToEnd);
                }
                else
                {
                    missed++;
                }
            }
        }

        report.Samples = processing.Count;
        report.SamplesMissed = missed;
        report.ProcessingDelay = LatencySummary.FromTicks([.. processing], processing.Count);
        report.EndToEndDelay = LatencySummary.FromTicks([.. endToEnd], endToEnd.Count);
        report.RssBytes = await ResourceProbe.SettledRssBytesAsync(cancellationToken);
        Progress("stopping");
        return report;
    }

    // Changes one member's node readiness at a staggered offset (so the samples spread over a probe period rather than
    // hitting the controller at once) and times the change's arrival on the Cluster.
    private static async Task<(long Processing, long EndToEnd)?> SampleAsync(
        ClusterFleet fleet, MemberCluster member, FaultState state, int readyNodes, TimeSpan offset, CancellationToken cancellationToken)
    {
        await Task.Delay(offset, cancellationToken);
        using var client = await KubeApiClient.FromKubeconfigAsync(member.KubeconfigPath, options: new KubeApiClientOptions { Qps = 0, UserAgent = "karmada-bench" });
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(ProbePeriod * 4);
        member.Faults.Set(state);

        // The change counts from the moment the member's API server holds it (the node simulator has written it).
        var wantReady = state.NotReadyNodes == 0;
        try
        {
            while (true)
            {
                var node = await client.GetAsync(new ResourceRef("", "v1", "nodes", false), null, member.NodeNames[0], timeout.Token);
                if (IsReady(node) == wantReady)
                {
                    break;
                }

                await Task.Delay(5, timeout.Token);
            }
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return null;
        }

        var changed = Stopwatch.GetTimestamp();
        long probed = 0;
        void OnProbe() => Interlocked.CompareExchange(ref probed, Stopwatch.GetTimestamp(), 0);
        member.Faults.HealthProbed += OnProbe;
        try
        {
            var seen = await fleet.Clusters.WaitAsync(member.Name, v => v.ReadyNodes == readyNodes, timeout.Token);
            var probe = Interlocked.Read(ref probed);

            // A round already running when the change landed may carry it: then the change itself is the start.
            var processing = probe != 0 && probe <= seen ? seen - probe : seen - changed;
            return (processing, seen - changed);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return null;
        }
        finally
        {
            member.Faults.HealthProbed -= OnProbe;
        }
    }

    private static bool IsReady(JsonObject node) =>
        node["status"]?["conditions"] is JsonArray conditions
        && conditions.OfType<JsonObject>().Any(c => (string?)c["type"] == "Ready" && (string?)c["status"] == "True");

    private static async Task<(double Cores, double AllocatedMbPerSecond)> WindowAsync(TimeSpan window, CancellationToken cancellationToken)
    {
        var probe = ResourceProbe.Take();
        var clock = Stopwatch.StartNew();
        await Task.Delay(window, cancellationToken);
        var delta = ResourceProbe.Take().Since(probe);
        return (delta.Cpu.TotalSeconds / clock.Elapsed.TotalSeconds, delta.AllocatedBytes / (1024.0 * 1024) / clock.Elapsed.TotalSeconds);
    }

    private static void Progress(string step) => Console.Error.WriteLine($"[clusters] {step}");
}
