using Karmada.Bench.Measurement;

namespace Karmada.Bench.Workloads.ApiServer;

/// <summary>Everything measured for one backend in one run, API phases and same-run raw baselines side by side.</summary>
public sealed class ApiServerReport
{
    public required string Backend { get; init; }

    public required string LoadAverageBefore { get; init; }

    public string LoadAverageAfter { get; set; } = "";

    public int ValueBytes { get; init; }

    public List<PhaseResult> Baselines { get; } = [];

    public List<PhaseResult> Phases { get; } = [];

    public WatchResult? Watch { get; set; }

    /// <summary>What the c16 phases' latency tails are made of, by phase name (the API create and the raw store create).</summary>
    public Dictionary<string, TailReport> Tails { get; } = [];

    public long RssBeforeBytes { get; set; }

    public long RssAfterBytes { get; set; }

    public long ManagedBeforeBytes { get; set; }

    public long ManagedAfterBytes { get; set; }

    public int RssObjects { get; set; }

    /// <summary>CPU etcd spent per API create during the c16 create phase (etcd backend only), microseconds.</summary>
    public double? EtcdCpuMicrosPerCreate { get; set; }

    public double RssMbPer10kObjects => RssObjects == 0 ? 0 : (RssAfterBytes - RssBeforeBytes) / 1048576.0 * 10_000 / RssObjects;

    public double ManagedMbPer10kObjects => RssObjects == 0 ? 0 : (ManagedAfterBytes - ManagedBeforeBytes) / 1048576.0 * 10_000 / RssObjects;

    public PhaseResult? Phase(string name, int concurrency) => Phases.FirstOrDefault(p => p.Name == name && p.Concurrency == concurrency);

    /// <summary>The raw store's CreateAsync at the given concurrency (the product's own storage path, no HTTP).</summary>
    public PhaseResult? RawStore(int concurrency) =>
        Baselines.FirstOrDefault(p => p.Name.EndsWith("store create", StringComparison.Ordinal) && p.Concurrency == concurrency);

    public PhaseResult? PlainSqlite(int concurrency) =>
        Baselines.FirstOrDefault(p => p.Name == "raw plain SQLite commit" && p.Concurrency == concurrency);
}
