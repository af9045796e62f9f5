using System.Text;
using System.Text.Json;
using Karmada.Storage;

namespace Karmada.Bench.Workloads.ApiServer;

/// <summary>
/// Issue 2 / issue 8 <c>apiserver</c>: create, get, list, update and watch through HTTPS against an in-process API
/// server per backend, beside same-run raw backend baselines.
/// </summary>
public sealed class ApiServerWorkload : IWorkload
{
    public string Name => "apiserver";

    public string Description => "API server verbs over HTTPS per storage backend, with raw backend baselines";

    public IReadOnlyList<string> Usage { get; } =
    [
        "--backend sqlite|etcd|memory|all   (default sqlite)",
    ];

    public async Task<int> RunAsync(BenchArguments arguments, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(arguments);
        var backendArg = arguments.Get("backend", "sqlite").ToLowerInvariant();
        StorageBackend[] backends = backendArg switch
        {
            "sqlite" => [StorageBackend.Sqlite],
            "etcd" => [StorageBackend.Etcd],
            "memory" => [StorageBackend.Memory],
            "all" => [StorageBackend.Sqlite, StorageBackend.Memory, StorageBackend.Etcd],
            _ => [],
        };
        if (backends.Length == 0)
        {
            await Console.Error.WriteLineAsync($"--backend must be sqlite, etcd, memory or all, not '{backendArg}'");
            return 2;
        }

        var settings = ApiServerScaleSettings.For(arguments.Scale);
        var reports = new List<ApiServerReport>();
        foreach (var backend in backends)
        {
            var report = await ApiServerBenchmark.RunAsync(backend, settings, cancellationToken);
            reports.Add(report);
            Console.WriteLine(Table(report, arguments.Scale));
        }

        if (arguments.Json)
        {
            Console.WriteLine(Json(reports, backendArg == "all"));
        }

        return 0;
    }

    private static string Table(ApiServerReport report, BenchScale scale)
    {
        var text = new StringBuilder();
        text.AppendLine(null, $"== apiserver / {report.Backend} (scale {scale.ToString().ToLowerInvariant()}, value {report.ValueBytes} B, {Environment.ProcessorCount} cores, load avg before {report.LoadAverageBefore}, after {report.LoadAverageAfter})");
        text.AppendLine(null, $"{"phase",-28} {"conc",4} {"ops",7} {"ops/s",9} {"p50 ms",8} {"p90 ms",8} {"p99 ms",8} {"max ms",8} {"cpu us/op",10} {"alloc KB/op",11} {"gc0/1/2",12} {"err",4}");
        foreach (var phase in report.Baselines.Concat(report.Phases))
        {
            var l = phase.Latency;
            var gcs = $"{phase.Resources.Gen0}/{phase.Resources.Gen1}/{phase.Resources.Gen2}";
            text.AppendLine(null, $"{phase.Name,-28} {phase.Concurrency,4} {phase.Operations,7} {phase.PerSecond,9:F0} {l.P50,8:F2} {l.P90,8:F2} {l.P99,8:F2} {l.Max,8:F2} {phase.CpuMicrosPerOp,10:F0} {phase.AllocatedBytesPerOp / 1024,11:F1} {gcs,12} {phase.Errors,4}");
        }

        if (report.Watch is { } watch)
        {
            text.AppendLine(null, $"watch: {watch.Watchers} watchers, {watch.Writes} writes at {watch.WritesPerSecond:F0}/s, {watch.Delivered} events delivered, {watch.Missing} missing, {watch.ArrivedBeforeAck} arrived before the write's response");
            text.AppendLine(null, $"  ack -> event  p50 {watch.FromAck.P50:F2} ms  p90 {watch.FromAck.P90:F2} ms  p99 {watch.FromAck.P99:F2} ms  max {watch.FromAck.Max:F2} ms");
            text.AppendLine(null, $"  send -> event p50 {watch.FromSend.P50:F2} ms  p90 {watch.FromSend.P90:F2} ms  p99 {watch.FromSend.P99:F2} ms  max {watch.FromSend.Max:F2} ms");
            text.AppendLine(null, $"  cpu per delivered event {watch.Resources.Cpu.TotalMicroseconds / Math.Max(1, watch.Delivered):F0} us, alloc {watch.Resources.AllocatedBytes / 1024.0 / Math.Max(1, watch.Delivered):F1} KB");
        }

        text.AppendLine(null, $"memory: RSS {report.RssBeforeBytes / 1048576.0:F1} -> {report.RssAfterBytes / 1048576.0:F1} MB over {report.RssObjects} stored objects = {report.RssMbPer10kObjects:F1} MB per 10k (managed heap {report.ManagedMbPer10kObjects:F1} MB per 10k)");
        foreach (var (phase, tail) in report.Tails)
        {
            text.AppendLine(null, $"tail of {phase} c16: {tail.Describe()}");
        }

        if (report.EtcdCpuMicrosPerCreate is { } etcdCpu)
        {
            text.AppendLine(null, $"etcd process CPU per API create (c16): {etcdCpu:F0} us");
        }

        var createC16 = report.Phase(ApiServerPhases.Create, 16);
        var raw16 = report.RawStore(16);
        if (createC16 is not null && raw16 is not null && raw16.PerSecond > 0)
        {
            text.AppendLine(null, $"create c16 / raw store c16 = {createC16.PerSecond / raw16.PerSecond:F2}");
        }

        return text.ToString();
    }

    private static string Json(List<ApiServerReport> reports, bool asArray)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer))
        {
            if (asArray)
            {
                json.WriteStartObject();
                json.WriteString("workload", "apiserver");
                json.WriteStartArray("results");
                foreach (var report in reports)
                {
                    WriteReport(json, report);
                }

                json.WriteEndArray();
                json.WriteEndObject();
            }
            else
            {
                WriteReport(json, reports[0]);
            }
        }

        return Encoding.UTF8.GetString(buffer.ToArray());
    }

    private static void WriteTail(Utf8JsonWriter json, string name, TailReport tail)
    {
        static double Round(double value) => Math.Round(value, 2);
        json.WriteStartObject(name);
        json.WriteNumber("gcPauses", tail.GcPauses);
        json.WriteNumber("gcPauseTotalMs", Round(tail.GcPauseTotalMs));
        json.WriteNumber("gcPauseMaxMs", Round(tail.GcPauseMaxMs));
        json.WriteNumber("gcPauseOver5MsTotalMs", Round(tail.GcPauseOver5MsTotalMs));
        json.WriteNumber("lockContentions", tail.LockContentions);
        json.WriteNumber("jitMethods", tail.JitMethods);
        json.WriteNumber("jitMs", Round(tail.JitMs));
        json.WriteNumber("threadPoolQueueMax", tail.ThreadPoolQueueMax);
        json.WriteNumber("threadPoolQueueMean", Round(tail.ThreadPoolQueueMean));
        json.WriteNumber("threadPoolThreadsMax", tail.ThreadPoolThreadsMax);
        json.WriteNumber("sqliteCommits", tail.Commits);
        json.WriteNumber("sqliteWritesPerCommit", Round(tail.WritesPerCommit));
        json.WriteNumber("sqliteCommitP50Ms", Round(tail.Commit.P50));
        json.WriteNumber("sqliteCommitP99Ms", Round(tail.Commit.P99));
        json.WriteNumber("sqliteCommitMaxMs", Round(tail.Commit.Max));
        json.WriteNumber("sqliteCheckpoints", tail.Checkpoints);
        json.WriteNumber("sqliteCheckpointMaxMs", Round(tail.CheckpointMaxMs));
        json.WriteNumber("sqliteCatchUps", tail.CatchUps);
        json.WriteNumber("sqliteCatchUpMaxMs", Round(tail.CatchUpMaxMs));
        json.WriteEndObject();
    }

    private static void WriteReport(Utf8JsonWriter json, ApiServerReport report)
    {
        static double Round(double value) => Math.Round(value, 2);
        var createC1 = report.Phase(ApiServerPhases.Create, 1);
        var createC16 = report.Phase(ApiServerPhases.Create, 16);
        var get = report.Phase(ApiServerPhases.Get, 16);
        var update = report.Phase(ApiServerPhases.Update, 16);
        json.WriteStartObject();
        json.WriteString("backend", report.Backend);
        json.WriteNumber("createPerSec_c16", Round(createC16?.PerSecond ?? 0));
        json.WriteNumber("rawCommitPerSec_c16", Round(report.RawStore(16)?.PerSecond ?? 0));
        json.WriteNumber("createP99Ms_c16", Round(createC16?.Latency.P99 ?? 0));
        json.WriteNumber("getPerSec", Round(get?.PerSecond ?? 0));
        json.WriteNumber("watchP99Ms", Round(report.Watch?.FromAck.P99 ?? 0));
        json.WriteNumber("rssMbPer10kObjects", Round(report.RssMbPer10kObjects));
        json.WriteNumber("createPerSec_c1", Round(createC1?.PerSecond ?? 0));
        json.WriteNumber("createP50Ms_c1", Round(createC1?.Latency.P50 ?? 0));
        json.WriteNumber("createP50Ms_c16", Round(createC16?.Latency.P50 ?? 0));
        json.WriteNumber("rawCommitPerSec_c1", Round(report.RawStore(1)?.PerSecond ?? 0));
        if (report.PlainSqlite(1) is { } plain1)
        {
            json.WriteNumber("plainSqliteCommitPerSec_c1", Round(plain1.PerSecond));
        }

        if (report.PlainSqlite(16) is { } plain16)
        {
            json.WriteNumber("plainSqliteCommitPerSec_c16", Round(plain16.PerSecond));
        }

        json.WriteNumber("getP99Ms", Round(get?.Latency.P99 ?? 0));
        json.WriteNumber("updatePerSec_c16", Round(update?.PerSecond ?? 0));
        json.WriteNumber("updateP99Ms_c16", Round(update?.Latency.P99 ?? 0));
        json.WriteNumber("updateCpuUsPerOp_c16", Round(update?.CpuMicrosPerOp ?? 0));
        json.WriteNumber("updateAllocKbPerOp_c16", Round((update?.AllocatedBytesPerOp ?? 0) / 1024));
        foreach (var (phase, key) in new[] { (ApiServerPhases.StatusUpdate, "statusUpdate"), (ApiServerPhases.MergePatch, "mergePatch") })
        {
            if (report.Phase(phase, 16) is { } measured)
            {
                json.WriteNumber(key + "PerSec_c16", Round(measured.PerSecond));
                json.WriteNumber(key + "P99Ms_c16", Round(measured.Latency.P99));
                json.WriteNumber(key + "CpuUsPerOp_c16", Round(measured.CpuMicrosPerOp));
                json.WriteNumber(key + "AllocKbPerOp_c16", Round(measured.AllocatedBytesPerOp / 1024));
            }
        }

        json.WriteNumber("list1kP50Ms", Round(report.Phase(ApiServerPhases.List1k, 1)?.Latency.P50 ?? 0));
        json.WriteNumber("list10kP50Ms", Round(report.Phase(ApiServerPhases.List10k, 1)?.Latency.P50 ?? 0));
        json.WriteNumber("watchP50Ms", Round(report.Watch?.FromAck.P50 ?? 0));
        json.WriteNumber("rawCommitP99Ms_c16", Round(report.RawStore(16)?.Latency.P99 ?? 0));
        if (report.Tails.TryGetValue(ApiServerPhases.Create, out var createTail))
        {
            WriteTail(json, "createTail_c16", createTail);
        }

        if (report.RawStore(16) is { } raw && report.Tails.TryGetValue(raw.Name, out var rawTail))
        {
            WriteTail(json, "rawStoreTail_c16", rawTail);
        }

        json.WriteString("loadAverageBefore", report.LoadAverageBefore);
        json.WriteString("loadAverageAfter", report.LoadAverageAfter);
        json.WriteEndObject();
    }
}
