using System.Diagnostics;
using System.Net;
using System.Text.RegularExpressions;
using k8s;
using k8s.Autorest;
using Karmada.Testing;
using Xunit.Abstractions;

namespace Karmada.E2E.Tests;

/// <summary>
/// The HA test starts five processes and measures a failover against the lease duration, so it runs alone, after the
/// parallel classes, instead of competing with them for the two cores.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class HighAvailabilityCollection
{
    public const string Name = "high availability";
}

/// <summary>
/// The parts as separate processes with two controller managers (issue 7): <c>karmada apiserver</c> on SQLite,
/// <c>karmada member</c> joined by <c>karmadactl join</c>, <c>karmada scheduler</c>, and two
/// <c>karmada controller-manager</c> replicas with short leader-election timings. One holds the Lease and
/// propagates; after it is killed with SIGKILL (no release) the other takes the Lease once it has expired, and
/// propagation continues.
/// </summary>
[Trait("Category", "E2E")]
[Collection(HighAvailabilityCollection.Name)]
public sealed partial class HighAvailabilityE2ETests : IAsyncLifetime
{
    private const string LeaseNamespace = "karmada-system";
    private const string LeaseName = "karmada-controller-manager";
    private static readonly TimeSpan LeaseDuration = TimeSpan.FromSeconds(6);
    private static readonly TimeSpan RetryPeriod = TimeSpan.FromSeconds(1);
    private static readonly string[] ShortLeaderElection = ["--leader-elect-lease-duration", "6s", "--leader-elect-renew-deadline", "4s", "--leader-elect-retry-period", "1s"];
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(60);
    private readonly TempDirectory _controlPlaneDir = new("e2e-ha");
    private readonly TempDirectory _memberDir = new("e2e-ha-member");
    private readonly List<KarmadaProcess> _processes = [];
    private readonly List<KarmadaProcess> _controllerManagers = [];
    private readonly Stopwatch _elapsed = Stopwatch.StartNew();
    private readonly ITestOutputHelper _output;

    public HighAvailabilityE2ETests(ITestOutputHelper output) => _output = output;

    private string ControlPlaneKubeconfig => Path.Combine(_controlPlaneDir.Path, "karmada-apiserver.config");

    private string MemberKubeconfig => Path.Combine(_memberDir.Path, "member1.config");

    public async Task InitializeAsync()
    {
        // What does not depend on another part starts at once: the member boots beside the API server, and the two
        // replicas campaign while it does.
        var member = KarmadaProcess.Start("member", "--name", "member1", "--data-dir", _memberDir.Path);
        _processes.Add(member);
        _processes.Add(await KarmadaProcess.StartApiServerAsync(_controlPlaneDir.Path, FreePort.Next(), "--storage", "sqlite"));
        _processes.Add(KarmadaProcess.Start(["scheduler", "--kubeconfig", ControlPlaneKubeconfig, .. ShortLeaderElection]));
        _controllerManagers.Add(StartControllerManager());
        _controllerManagers.Add(StartControllerManager());
        await member.WaitUntilServingAsync(MemberKubeconfig);
        var join = await KarmadactlBinary.RunAsync("--kubeconfig", ControlPlaneKubeconfig, "join", "member1", "--cluster-kubeconfig", MemberKubeconfig);
        Assert.True(join.ExitCode == 0, join.ToString());
        Log("control plane, member1 (joined), scheduler and two controller managers started");
    }

    public async Task DisposeAsync()
    {
        foreach (var process in _processes)
        {
            await process.DisposeAsync();
        }

        _memberDir.Dispose();
        _controlPlaneDir.Dispose();
    }

    [Fact]
    public async Task TwoControllerManagers_OneLeads_KilledLeaderIsReplacedWithinTheLeaseDuration_AndPropagationContinues()
    {
        var identities = new Dictionary<string, KarmadaProcess>
        {
            [await IdentityOfAsync(_controllerManagers[0])] = _controllerManagers[0],
            [await IdentityOfAsync(_controllerManagers[1])] = _controllerManagers[1],
        };
        var karmada = new Kubectl("1.33", ControlPlaneKubeconfig);
        var member = new Kubectl("1.33", MemberKubeconfig);
        using var client = new Kubernetes(KubernetesClientConfiguration.BuildConfigFromConfigFile(ControlPlaneKubeconfig));

        // Exactly one of the two holds the Lease: holderIdentity names one replica, and it keeps holding it.
        string? holder = null;
        await UntilAsync(async () => (holder = (await LeaseAsync(client)).Holder) is not null && identities.ContainsKey(holder), () => $"one controller manager holds the Lease (holder: {holder})");
        Log("lease held");
        var leaderIdentity = holder!;
        var leader = identities[leaderIdentity];
        var (followerIdentity, follower) = identities.Single(i => i.Key != leaderIdentity);

        await UntilAsync(
            async () => (await karmada.OkAsync("get", "cluster", "member1", "-o", "jsonpath={.status.conditions[?(@.type=='Ready')].status}")).Trim() == "True",
            () => "member1 Ready");
        Log("member1 Ready");
        await karmada.OkAsync("create", "namespace", "demo");
        await karmada.OkAsync("apply", "-f", WritePolicy());
        await karmada.OkAsync("apply", "-f", Path.Combine(AppContext.BaseDirectory, "examples", "nginx-deployment.yaml"));
        await UntilAsync(async () => await ReplicasAsync(member, "nginx") == "4", () => "nginx propagated to member1 by the leader");
        Assert.Equal(new LeaseState(leaderIdentity, Transitions: 0), await LeaseAsync(client)); // the other never held it
        Log("nginx propagated");

        // SIGKILL: the leader cannot release the Lease; the follower takes it only once it has seen it unrenewed for
        // the lease duration (measured on its own clock), so the takeover lands between about one lease duration
        // after the last renewal and one lease duration plus a jittered retry period after it.
        var sinceKill = Stopwatch.StartNew();
        await leader.KillAsync();
        await Eventually.UntilAsync(async () => (await LeaseAsync(client)).Holder == followerIdentity, LeaseDuration * 3, $"{followerIdentity} takes over the Lease");
        var takeover = sinceKill.Elapsed;
        Log($"takeover after {takeover}");
        Assert.True(takeover >= LeaseDuration - (2 * RetryPeriod), $"the Lease moved after {takeover}, sooner than an unreleased lease can expire");
        Assert.True(takeover <= LeaseDuration + TimeSpan.FromSeconds(6), $"the Lease moved only after {takeover}; lease duration {LeaseDuration}");
        Assert.False(follower.HasExited, follower.Output);

        await karmada.OkAsync("apply", "-f", WriteDeployment("web", replicas: 3));
        await UntilAsync(async () => await ReplicasAsync(member, "web") == "3", () => "web propagated to member1 by the new leader");
        Log("web propagated");
        await karmada.OkAsync("-n", "demo", "scale", "deployment", "nginx", "--replicas", "2");
        await UntilAsync(async () => await ReplicasAsync(member, "nginx") == "2", () => "the new leader updates what the old one propagated");
        Assert.Equal(new LeaseState(followerIdentity, Transitions: 1), await LeaseAsync(client));
        Log("nginx rescaled");
    }

    private void Log(string phase) => _output.WriteLine($"{_elapsed.Elapsed:mm\\:ss\\.f} {phase}");

    private KarmadaProcess StartControllerManager()
    {
        var process = KarmadaProcess.Start([
            "controller-manager", "--kubeconfig", ControlPlaneKubeconfig,
            "--cluster-status-update-frequency", "1s", "--cluster-success-threshold", "0s", .. ShortLeaderElection]);
        _processes.Add(process);
        return process;
    }

    /// <summary>The replica's leader-election identity, from its start line (its holderIdentity while it leads).</summary>
    private static async Task<string> IdentityOfAsync(KarmadaProcess process)
    {
        Match match = Match.Empty;
        await Eventually.UntilAsync(() => (match = IdentityLine().Match(process.Output)).Success || process.HasExited, Deadline, "the controller manager printed its identity");
        Assert.True(match.Success, $"controller manager exited:\n{process.Output}");
        return match.Groups["identity"].Value;
    }

    private static async Task<LeaseState> LeaseAsync(Kubernetes client)
    {
        try
        {
            var spec = (await client.CoordinationV1.ReadNamespacedLeaseAsync(LeaseName, LeaseNamespace)).Spec;
            return new LeaseState(string.IsNullOrEmpty(spec?.HolderIdentity) ? null : spec.HolderIdentity, spec?.LeaseTransitions ?? 0);
        }
        catch (HttpOperationException ex) when (ex.Response.StatusCode == HttpStatusCode.NotFound)
        {
            return new LeaseState(null, 0);
        }
    }

    private static async Task<string> ReplicasAsync(Kubectl member, string name) =>
        (await member.RunAsync("-n", "demo", "get", "deployment", name, "-o", "jsonpath={.spec.replicas}")).StandardOutput.Trim();

    /// <summary>Every Deployment in demo goes to member1, so a Deployment created later needs a working detector.</summary>
    private string WritePolicy() => Write("deployments-policy.yaml", """
        apiVersion: policy.karmada.io/v1alpha1
        kind: PropagationPolicy
        metadata:
          name: deployments
          namespace: demo
        spec:
          resourceSelectors:
            - apiVersion: apps/v1
              kind: Deployment
          placement:
            clusterAffinity:
              clusterNames:
                - member1
        """);

    private string WriteDeployment(string name, int replicas) => Write($"{name}.yaml", $$"""
        apiVersion: apps/v1
        kind: Deployment
        metadata:
          name: {{name}}
          namespace: demo
        spec:
          replicas: {{replicas}}
          selector:
            matchLabels:
              app: {{name}}
          template:
            metadata:
              labels:
                app: {{name}}
            spec:
              containers:
                - name: {{name}}
                  image: nginx:1.27
        """);

    private string Write(string name, string content)
    {
        var path = Path.Combine(_controlPlaneDir.Path, name);
        File.WriteAllText(path, content);
        return path;
    }

    private async Task UntilAsync(Func<Task<bool>> condition, Func<string> because)
    {
        try
        {
            await Eventually.UntilAsync(condition, Deadline, "see below");
        }
        catch (TimeoutException ex)
        {
            var outputs = string.Join("\n", _processes.Select((p, i) => $"--- process {i} ---\n{p.Output}"));
            throw new TimeoutException($"Not within {Deadline}: {because()}\n{outputs}", ex);
        }
    }

    private readonly record struct LeaseState(string? Holder, int Transitions);

    [GeneratedRegex(@"leader election on Lease \S+ as (?<identity>\S+)")]
    private static partial Regex IdentityLine();
}
