using k8s;
using Karmada.Api.Meta;
using Karmada.Cli;
using Karmada.Client;
using Karmada.Controllers;
using Karmada.Controllers.Cluster;
using Karmada.Controllers.Execution;
using Karmada.Controllers.Runtime;
using Karmada.Controllers.Status;
using Karmada.Testing;
using Karmada.Testing.ControlPlane;
using Microsoft.Extensions.Logging.Abstractions;
using ClusterV1Alpha1 = Karmada.Api.Cluster.V1Alpha1;
using WorkV1Alpha1 = Karmada.Api.Work.V1Alpha1;

namespace Karmada.Agent.Tests;

/// <summary>
/// Pull mode in process: a real control plane running the controller-manager's cluster, clusterStatus, execution and
/// workStatus controllers (which must leave the Pull cluster to its agent), a real simulated member, and the agent
/// talking to both. Registration, Ready with summaries, the Lease, a Work applied with status, and the control plane
/// marking the cluster Unknown once the agent stops.
/// </summary>
[Trait("Category", "Integration")]
public sealed class PullModeIntegrationTests : IAsyncLifetime
{
    private const string ClusterName = "pull1";
    private const string ExecutionSpace = "karmada-es-pull1";
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(30);
    private static readonly ResourceRef Deployments = new("apps", "v1", "deployments", true);
    private readonly CancellationTokenSource _timeout = new(TimeSpan.FromMinutes(3));
    private InProcessControlPlane _controlPlane = null!;
    private InProcessMember _member = null!;
    private KubeApiClient _cp = null!;

    private CancellationToken Ct => _timeout.Token;

    private KubeApiClient MemberClient => _member.Client;

    private KubernetesClientConfiguration MemberConfiguration => _member.Configuration;

    public async Task InitializeAsync()
    {
        _controlPlane = await InProcessControlPlane.StartAsync(
            new InProcessControlPlaneOptions
            {
                DirectoryPrefix = "cp-pull",
                ConfigureServices = services => services.AddKarmadaControllers(new ControllerManagerOptions
                {
                    Controllers = [ClusterController.Name, ClusterStatusController.Name, ExecutionController.Name, WorkStatusController.Name],
                    ClusterMonitorPeriod = TimeSpan.FromMilliseconds(200),
                    ClusterMonitorGracePeriod = TimeSpan.FromSeconds(2),
                    ClusterStartupGracePeriod = TimeSpan.FromSeconds(2),
                }),
            },
            Ct);
        _cp = _controlPlane.Client;
        _member = await InProcessMember.StartAsync(ClusterName, Ct);
    }

    public async Task DisposeAsync()
    {
        await _controlPlane.DisposeAsync();
        await _member.DisposeAsync();
        _timeout.Dispose();
    }

    [Fact]
    public async Task Agent_RegistersReadyPullCluster_AppliesWorks_ThenGoesUnknownWhenStopped()
    {
        var agent = await StartAgentAsync();
        try
        {
            Assert.Equal(ClusterV1Alpha1.ClusterSyncMode.Pull, agent.Cluster.Spec.SyncMode);
            Assert.Equal(MemberConfiguration.Host, agent.Cluster.Spec.ApiEndpoint);
            Assert.Equal("eu-west", agent.Cluster.Spec.Region);
            Assert.Null(agent.Cluster.Spec.SecretRef);

            var cluster = await WaitForClusterAsync(
                c => Ready(c)?.Status == ConditionStatus.True && c.Status.NodeSummary?.TotalNum > 0 && c.Status.ApiEnablements.Count > 0,
                "pull1 Ready with summaries");
            var memberVersion = await MemberClient.GetRawAsync("/version", JsonObjectMeta.TypeInfo, Ct);
            Assert.Equal(memberVersion["gitVersion"]!.GetValue<string>(), cluster.Status.KubernetesVersion);
            Assert.Equal(ClusterV1Alpha1.ClusterConditionReasons.ClusterReady, Ready(cluster)!.Reason);
            Assert.NotNull(cluster.Status.ResourceSummary);
            Assert.Contains("karmada.io/cluster-controller", cluster.Metadata.Finalizers);
            Assert.NotNull(await _cp.GetOrNullAsync(ResourceRef.Namespaces, null, ExecutionSpace, Ct));

            // The heartbeat Lease is renewed.
            var lease = await _cp.GetAsync(ResourceRef.Leases, "karmada-cluster", ClusterName, Ct);
            Assert.Equal(ClusterName, lease["spec"]!["holderIdentity"]!.GetValue<string>());
            var firstRenewal = ClusterLease.RenewTime(lease);
            await Eventually.UntilAsync(
                async () => ClusterLease.RenewTime(await _cp.GetAsync(ResourceRef.Leases, "karmada-cluster", ClusterName, Ct)) > firstRenewal,
                Deadline,
                "Lease renewed",
                Ct);

            // A Work of the Pull cluster is applied by the agent, with its status reported back.
            await _cp.CreateAsync(WorkMeta.Resource, ExecutionSpace, TestWorks.Create(ExecutionSpace, "web", [TestWorkloads.Deployment("web", 2)]), WorkMeta.TypeInfo, cancellationToken: Ct);
            var work = await WaitForWorkAsync(
                "web",
                w => w.Status.Conditions.Exists(c => c.Type == WorkV1Alpha1.WorkConditionTypes.Applied && c.Status == ConditionStatus.True)
                    && w.Status.ManifestStatuses.Count == 1
                    && w.Status.ManifestStatuses[0].Status?["readyReplicas"]?.GetValue<int>() == 2,
                "web applied by the agent with readyReplicas 2");
            Assert.Equal(WorkV1Alpha1.ResourceHealth.Healthy, work.Status.ManifestStatuses[0].Health);
            Assert.Contains("karmada.io/execution-controller", work.Metadata.Finalizers);
            Assert.NotNull(await MemberClient.GetOrNullAsync(Deployments, "default", "web", Ct));

            // Work deleted: the agent removes the member object before letting the Work go.
            await _cp.DeleteAsync(WorkMeta.Resource, ExecutionSpace, "web", cancellationToken: Ct);
            await Eventually.UntilAsync(async () => await _cp.GetOrNullAsync(WorkMeta.Resource, ExecutionSpace, "web", Ct) is null, Deadline, "Work web gone", Ct);
            Assert.Null(await MemberClient.GetOrNullAsync(Deployments, "default", "web", Ct));
        }
        finally
        {
            await agent.DisposeAsync();
        }

        // Agent gone: no more Lease renewals, so the control plane marks the cluster Unknown and taints it.
        var silent = await WaitForClusterAsync(c => Ready(c)?.Status == ConditionStatus.Unknown && c.Spec.Taints.Count > 0, "pull1 Unknown after the agent stopped");
        Assert.Equal(ClusterHealthMonitor.StatusUnknownReason, Ready(silent)!.Reason);
        Assert.Equal(ClusterV1Alpha1.ClusterTaintKeys.Unreachable, Assert.Single(silent.Spec.Taints).Key);

        // Back: the agent re-registers (idempotently) and the cluster is Ready again.
        await using var again = await StartAgentAsync();
        await WaitForClusterAsync(c => Ready(c)?.Status == ConditionStatus.True && c.Spec.Taints.Count == 0, "pull1 Ready again");
    }

    [Fact]
    public async Task Agent_NameTakenByPushCluster_Refuses()
    {
        await _cp.CreateAsync(ResourceRefs.Clusters, null, new ClusterV1Alpha1.Cluster
        {
            Metadata = new ObjectMeta { Name = ClusterName },
            Spec = new ClusterV1Alpha1.ClusterSpec { SyncMode = ClusterV1Alpha1.ClusterSyncMode.Push, ApiEndpoint = "https://127.0.0.1:1" },
        }, ClusterMeta.TypeInfo, cancellationToken: Ct);

        var error = await Assert.ThrowsAsync<InvalidOperationException>(StartAgentAsync);
        Assert.Contains("already joined in Push mode", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Register_PinsCa_TradesBootstrapToken_AgentRunsWithIssuedKubeconfig()
    {
        var token = await BootstrapTokenSecrets.CreateAsync(_cp, null, TimeSpan.FromHours(1), "", [Security.Authentication.BootstrapToken.KarmadaDefaultGroup], DateTimeOffset.UtcNow, Ct);
        var hash = Security.Authentication.BootstrapToken.CaCertHash(_controlPlane.Configuration.SslCaCerts![0]);
        var server = PullClusterRegistrar.ServerUrl(new Uri(_controlPlane.Configuration.Host).Authority);

        await Assert.ThrowsAsync<CliException>(() => PullClusterRegistrar.DiscoverCaAsync(server, ["sha256:" + new string('0', 64)], false, Ct));
        await Assert.ThrowsAsync<CliException>(() => PullClusterRegistrar.DiscoverCaAsync(server, [], false, Ct));
        var caPem = await PullClusterRegistrar.DiscoverCaAsync(server, [hash], false, Ct);
        await Assert.ThrowsAsync<CliException>(() => PullClusterRegistrar.ObtainAgentKubeconfigAsync(server, caPem, "zzzzzz.0123456789abcdef", ClusterName, DateTimeOffset.UtcNow, Ct));

        var kubeconfig = await PullClusterRegistrar.ObtainAgentKubeconfigAsync(server, caPem, token, ClusterName, DateTimeOffset.UtcNow, Ct);
        var path = Path.Combine(_controlPlane.DataDirectory, "agent.config");
        await Security.Kubeconfigs.KubeconfigWriter.WriteAsync(path, kubeconfig, Ct);
        var agentConfiguration = await KubernetesClientConfiguration.BuildConfigFromConfigFileAsync(new FileInfo(path));
        Assert.NotEqual(token, agentConfiguration.AccessToken);

        // The bootstrap token may expire now: the agent runs on its own credential.
        await BootstrapTokenSecrets.DeleteAsync(_cp, token, Ct);
        await using var agent = await KarmadaAgent.StartAsync(
            new AgentOptions { ClusterName = ClusterName, ClusterStatusUpdateFrequency = TimeSpan.FromMilliseconds(300), ClusterSuccessThreshold = TimeSpan.Zero, ClusterLeaseDuration = TimeSpan.FromSeconds(1) },
            agentConfiguration,
            MemberConfiguration,
            NullLoggerFactory.Instance,
            Ct);
        await WaitForClusterAsync(c => Ready(c)?.Status == ConditionStatus.True && c.Spec.SyncMode == ClusterV1Alpha1.ClusterSyncMode.Pull, "registered pull1 Ready");
    }

    private Task<KarmadaAgent> StartAgentAsync() => KarmadaAgent.StartAsync(
        new AgentOptions
        {
            ClusterName = ClusterName,
            ClusterRegion = "eu-west",
            ClusterStatusUpdateFrequency = TimeSpan.FromMilliseconds(300),
            ClusterSuccessThreshold = TimeSpan.Zero,
            ClusterLeaseDuration = TimeSpan.FromSeconds(1),
        },
        _controlPlane.Configuration,
        MemberConfiguration,
        NullLoggerFactory.Instance,
        Ct);

    private static Condition? Ready(ClusterV1Alpha1.Cluster cluster) =>
        cluster.Status.Conditions.Find(c => c.Type == ClusterV1Alpha1.ClusterConditionTypes.Ready);

    private Task<ClusterV1Alpha1.Cluster> WaitForClusterAsync(Func<ClusterV1Alpha1.Cluster, bool> condition, string because) =>
        _cp.ReadUntilAsync(ResourceRefs.Clusters, null, ClusterName, ClusterMeta.TypeInfo, condition, Deadline, because, Ct);

    private Task<WorkV1Alpha1.Work> WaitForWorkAsync(string name, Func<WorkV1Alpha1.Work, bool> condition, string because) =>
        _cp.ReadUntilAsync(WorkMeta.Resource, ExecutionSpace, name, WorkMeta.TypeInfo, condition, Deadline, because, Ct);

}
