using System.Globalization;
using Karmada.Testing;

namespace Karmada.E2E.Tests;

/// <summary>
/// A simulated member's size, written into the YAML its <c>karmada member --profile</c> reads: identical nodes of
/// <see cref="CpuMillisPerNode"/> CPU, <see cref="MemoryGiPerNode"/> memory and <see cref="PodsPerNode"/> pods.
/// </summary>
public sealed record MemberSize(string Name, int Nodes, int CpuMillisPerNode, int MemoryGiPerNode, int PodsPerNode = 110)
{
    public string ProfileYaml => string.Create(CultureInfo.InvariantCulture, $"""
        nodes: {Nodes}
        capacity:
          cpu: {CpuMillisPerNode}m
          memory: {MemoryGiPerNode}Gi
          pods: "{PodsPerNode}"
          ephemeral-storage: 100Gi
        podStartupMilliseconds: 50
        """);

    /// <summary>
    /// What the scheduler's general estimator makes of this member's resource summary while nothing with requests
    /// runs in it: per requested resource the cluster-wide free amount divided by one replica's request, the smallest
    /// of them and of the free pod slots.
    /// </summary>
    public int AvailableReplicas(int cpuMillisPerReplica, int memoryMiPerReplica)
    {
        var byCpu = (long)Nodes * CpuMillisPerNode / cpuMillisPerReplica;
        var byMemory = (long)Nodes * MemoryGiPerNode * 1024 / memoryMiPerReplica;
        var byPods = (long)Nodes * PodsPerNode;
        return (int)Math.Min(byPods, Math.Min(byCpu, byMemory));
    }
}

/// <summary>
/// A control plane (<c>karmada up --members 0</c>: API server, controller manager, scheduler) and three simulated
/// members of clearly different sizes, each its own <c>karmada member --profile</c> process joined in Push mode with
/// <c>karmadactl join</c>; ready once every Cluster is Ready and reports a resource summary.
/// </summary>
public sealed class SizedMembersFixture : IAsyncLifetime
{
    /// <summary>2, 6 and 12 CPUs: at 500m a replica, room for 4, 12 and 24 replicas.</summary>
    public static readonly IReadOnlyList<MemberSize> Sizes =
    [
        new("member1", Nodes: 1, CpuMillisPerNode: 2000, MemoryGiPerNode: 16),
        new("member2", Nodes: 2, CpuMillisPerNode: 3000, MemoryGiPerNode: 16),
        new("member3", Nodes: 3, CpuMillisPerNode: 4000, MemoryGiPerNode: 16),
    ];

    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(120);
    private readonly TempDirectory _dataDir = new("e2e-sized-members");
    private readonly List<KarmadaProcess> _members = [];
    private KarmadaUpProcess? _up;

    public KarmadaUpProcess Up => _up ?? throw new InvalidOperationException("karmada up has not started");

    public string Kubeconfig => Path.Combine(_dataDir.Path, "karmada-apiserver.config");

    public Kubectl ControlPlane { get; private set; } = null!;

    public IReadOnlyDictionary<string, Kubectl> Members { get; private set; } = new Dictionary<string, Kubectl>();

    /// <summary>Everything the control plane and the members printed, for failure messages.</summary>
    public string Output => string.Join("\n", [_up?.Output ?? "", .. _members.Select(m => m.Output)]);

    public async Task InitializeAsync()
    {
        var port = FreePort.Next().ToString(CultureInfo.InvariantCulture);
        _up = await KarmadaUpProcess.StartUpAsync(TimeSpan.FromSeconds(90), "--members", "0", "--data-dir", _dataDir.Path, "--secure-port", port, "--storage", "memory");
        ControlPlane = new Kubectl("1.33", Kubeconfig);

        var membersDir = Path.Combine(_dataDir.Path, "members");
        Directory.CreateDirectory(membersDir);
        foreach (var size in Sizes)
        {
            var profile = Path.Combine(_dataDir.Path, size.Name + "-profile.yaml");
            await File.WriteAllTextAsync(profile, size.ProfileYaml);
            _members.Add(KarmadaProcess.Start("member", "--name", size.Name, "--data-dir", membersDir, "--profile", profile));
        }

        var kubeconfigs = Sizes.ToDictionary(s => s.Name, s => Path.Combine(membersDir, s.Name + ".config"), StringComparer.Ordinal);
        for (var i = 0; i < Sizes.Count; i++)
        {
            await _members[i].WaitUntilServingAsync(kubeconfigs[Sizes[i].Name]);
        }

        Members = kubeconfigs.ToDictionary(m => m.Key, m => new Kubectl("1.33", m.Value), StringComparer.Ordinal);
        foreach (var (name, kubeconfig) in kubeconfigs)
        {
            var join = await KarmadactlAsync("join", name, "--cluster-kubeconfig", kubeconfig);
            Assert.True(join.ExitCode == 0, join.ToString());
        }

        foreach (var size in Sizes)
        {
            await UntilAsync(
                async () => await ClusterFieldAsync(size.Name, "{.status.conditions[?(@.type=='Ready')].status}") == "True"
                    && await ClusterFieldAsync(size.Name, "{.status.resourceSummary.allocatable.cpu}") is { Length: > 0 },
                $"{size.Name} Ready with a resource summary");
        }
    }

    public async Task DisposeAsync()
    {
        if (_up is not null)
        {
            await _up.DisposeAsync();
        }

        foreach (var member in _members)
        {
            await member.DisposeAsync();
        }

        _dataDir.Dispose();
    }

    public Task<ProcessResult> KarmadactlAsync(params string[] args) => KarmadactlBinary.RunAsync(["--kubeconfig", Kubeconfig, .. args]);

    /// <summary>Creates the namespace on the control plane and waits until namespace sync put it in every member.</summary>
    public async Task CreateNamespaceAsync(string name)
    {
        await ControlPlane.OkAsync("create", "namespace", name);
        foreach (var (member, kubectl) in Members)
        {
            await UntilAsync(async () => (await kubectl.RunAsync("get", "namespace", name)).ExitCode == 0, $"namespace {name} synced to {member}");
        }
    }

    /// <summary>Polls until <paramref name="condition"/> holds; on timeout the message carries every process's output.</summary>
    public async Task UntilAsync(Func<Task<bool>> condition, string because)
    {
        try
        {
            await Eventually.UntilAsync(condition, Deadline, because);
        }
        catch (TimeoutException ex)
        {
            throw new TimeoutException($"{ex.Message}; output of karmada up and the members:\n{Output}", ex);
        }
    }

    private async Task<string?> ClusterFieldAsync(string cluster, string jsonPath)
    {
        var result = await ControlPlane.RunAsync("get", "clusters.cluster.karmada.io", cluster, "-o", $"jsonpath={jsonPath}");
        return result.ExitCode == 0 ? result.StandardOutput.Trim() : null;
    }
}
