using System.Text.Json.Nodes;
using k8s;
using Karmada.Api.Meta;
using Karmada.ApiServer.Hosting;
using Karmada.Cli;
using Karmada.Client;
using Karmada.Controllers.Runtime;
using Karmada.Storage;
using Karmada.Testing;
using Karmada.Testing.ControlPlane;
using Microsoft.Extensions.Logging.Abstractions;
using ClusterV1Alpha1 = Karmada.Api.Cluster.V1Alpha1;

namespace Karmada.Controllers.Tests;

/// <summary>
/// The cluster and clusterStatus controllers against a real in-process control plane and a real in-process member
/// API server: join, Ready with version and summaries, member down and back, deletion.
/// </summary>
[Trait("Category", "Integration")]
public sealed class PushClusterIntegrationTests : IAsyncLifetime
{
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(30);
    private readonly TempDirectory _memberDir = new("member-it");
    private readonly int _memberPort = FreePort.Next();
    private InProcessControlPlane _controlPlane = null!;
    private ApiServerInstance? _member;
    private KubeApiClient _cp = null!;

    public async Task InitializeAsync()
    {
        _member = await StartMemberAsync();
        _controlPlane = await InProcessControlPlane.StartAsync(
            new InProcessControlPlaneOptions
            {
                DirectoryPrefix = "cp-it",
                ConfigureServices = services => services.AddKarmadaControllers(new ControllerManagerOptions
                {
                    ClusterStatusUpdateFrequency = TimeSpan.FromMilliseconds(300),
                    ClusterSuccessThreshold = TimeSpan.Zero,
                    ClusterFailureThreshold = TimeSpan.FromMilliseconds(500),
                    ClusterApiTimeout = TimeSpan.FromSeconds(5),
                }),
            },
            CancellationToken.None);
        _cp = _controlPlane.Client;
    }

    public async Task DisposeAsync()
    {
        await _controlPlane.DisposeAsync();
        if (_member is not null)
        {
            await _member.DisposeAsync();
        }

        _memberDir.Dispose();
    }

    [Fact]
    public async Task Join_Ready_MemberDownAndBack_Delete()
    {
        using var cts = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        var ct = cts.Token;
        var memberConfiguration = await KubernetesClientConfiguration.BuildConfigFromConfigFileAsync(new FileInfo(_member!.KubeconfigPath));
        using (var member = new KubeApiClient(memberConfiguration))
        {
            await CreateNodeAsync(member, "n1", ct);
            await CreateNodeAsync(member, "n2", ct);
            await CreatePodAsync(member, "bound", "n1", "500m", ct);
            await CreatePodAsync(member, "pending", null, "250m", ct);
            await ClusterJoiner.JoinAsync(_cp, "member1", memberConfiguration, member, ct);
        }

        // Joined: Ready, with the member's version and summaries; execution namespace and finalizer in place.
        var cluster = await WaitForClusterAsync(c =>
            ReadyStatus(c) == ConditionStatus.True
            && c.Status.ResourceSummary?.Allocated.GetValueOrDefault("pods") == "1"
            && c.Status.NodeSummary?.ReadyNum == 2, "member1 Ready with summaries", ct);
        Assert.Equal("v1.31.0-karmada.net", cluster.Status.KubernetesVersion);
        Assert.Equal("8", cluster.Status.ResourceSummary!.Allocatable["cpu"]);
        Assert.Equal("16Gi", cluster.Status.ResourceSummary.Allocatable["memory"]);
        Assert.Equal("500m", cluster.Status.ResourceSummary.Allocated["cpu"]);
        Assert.Equal("250m", cluster.Status.ResourceSummary.Allocating["cpu"]);
        Assert.Equal("1", cluster.Status.ResourceSummary.Allocating["pods"]);
        Assert.Equal(2, cluster.Status.NodeSummary!.TotalNum);
        var core = Assert.Single(cluster.Status.ApiEnablements, e => e.GroupVersion == "v1");
        Assert.Contains(core.Resources, r => r.Name == "pods" && r.Kind == "Pod");
        Assert.DoesNotContain(core.Resources, r => r.Name.Contains('/', StringComparison.Ordinal));
        Assert.Contains(cluster.Status.Conditions, c => c.Type == "CompleteAPIEnablements" && c.Status == ConditionStatus.True);
        Assert.Contains("karmada.io/cluster-controller", cluster.Metadata.Finalizers);
        Assert.Empty(cluster.Spec.Taints);
        var ns = await _cp.GetAsync(ResourceRef.Namespaces, null, "karmada-es-member1", ct);
        Assert.Equal("true", JsonObjectMeta.GetLabel(ns, "karmada.io/system"));

        // Member stopped: not reachable, then NotReady and tainted.
        await _member.DisposeAsync();
        _member = null;
        cluster = await WaitForClusterAsync(c => ReadyStatus(c) == ConditionStatus.False && c.Spec.Taints.Count > 0, "member1 NotReady and tainted", ct);
        Assert.Equal(ClusterV1Alpha1.ClusterConditionReasons.ClusterNotReachable, ReadyCondition(cluster)!.Reason);
        var taint = Assert.Single(cluster.Spec.Taints);
        Assert.Equal(ClusterV1Alpha1.ClusterTaintKeys.NotReady, taint.Key);
        Assert.Equal(Api.Core.TaintEffect.NoSchedule, taint.Effect);

        // Member back (empty storage, same address and certificates): Ready again, taint gone.
        _member = await StartMemberAsync();
        cluster = await WaitForClusterAsync(c => ReadyStatus(c) == ConditionStatus.True && c.Spec.Taints.Count == 0, "member1 Ready again", ct);
        Assert.Equal(0, cluster.Status.NodeSummary?.TotalNum ?? 0);

        // Deleted: execution namespace, finalizer and the Cluster go.
        await _cp.DeleteAsync(ResourceRefs.Clusters, null, "member1", cancellationToken: ct);
        await Eventually.UntilAsync(async () => !await ExistsAsync(ResourceRefs.Clusters, null, "member1", ct), Deadline, "Cluster deleted", ct);
        await Eventually.UntilAsync(async () => !await ExistsAsync(ResourceRef.Namespaces, null, "karmada-es-member1", ct), Deadline, "execution namespace deleted", ct);
    }

    [Fact]
    public async Task Join_PreparesTheMember_AndASecondJoinOfTheSameNameIsRefused()
    {
        using var cts = new CancellationTokenSource(TimeSpan.FromMinutes(1));
        var ct = cts.Token;
        var memberConfiguration = await KubernetesClientConfiguration.BuildConfigFromConfigFileAsync(new FileInfo(_member!.KubeconfigPath));
        using var member = new KubeApiClient(memberConfiguration);
        var created = await ClusterJoiner.JoinAsync(_cp, "member1", memberConfiguration, member, ct);

        await member.GetAsync(ClusterResources.ServiceAccounts, "karmada-cluster", "karmada-member1", ct);
        var secret = await _cp.GetAsync(ResourceRef.Secrets, "karmada-cluster", "member1", ct);
        Assert.Equal(created.Metadata.Uid, secret["metadata"]?["ownerReferences"]?[0]?["uid"]?.GetValue<string>());
        var error = await Assert.ThrowsAsync<CliException>(() => ClusterJoiner.JoinAsync(_cp, "member1", memberConfiguration, member, ct));
        Assert.Contains("already joined", error.Message, StringComparison.Ordinal);
    }

    private Task<ApiServerInstance> StartMemberAsync() => ApiServerApplication.StartAsync(
        new ApiServerOptions
        {
            DataDirectory = _memberDir.Path,
            SecurePort = _memberPort,
            Name = "member1",
            Storage = new StorageOptions { Backend = StorageBackend.Memory },
        },
        NullLoggerFactory.Instance,
        null,
        CancellationToken.None);

    private static Condition? ReadyCondition(ClusterV1Alpha1.Cluster cluster) =>
        cluster.Status.Conditions.Find(c => c.Type == ClusterV1Alpha1.ClusterConditionTypes.Ready);

    private static ConditionStatus? ReadyStatus(ClusterV1Alpha1.Cluster cluster) => ReadyCondition(cluster)?.Status;

    private Task<ClusterV1Alpha1.Cluster> WaitForClusterAsync(Func<ClusterV1Alpha1.Cluster, bool> condition, string because, CancellationToken ct) =>
        _cp.ReadUntilAsync(ResourceRefs.Clusters, null, "member1", ClusterMeta.TypeInfo, condition, Deadline, because, ct);

    private async Task<bool> ExistsAsync(ResourceRef resource, string? ns, string name, CancellationToken ct) =>
        await _cp.GetOrNullAsync(resource, ns, name, ct) is not null;

    private static async Task CreateNodeAsync(KubeApiClient member, string name, CancellationToken ct)
    {
        var node = new JsonObject { ["apiVersion"] = "v1", ["kind"] = "Node", ["metadata"] = new JsonObject { ["name"] = name } };
        var created = await member.CreateAsync(ResourceRefs.Nodes, node, cancellationToken: ct);
        created["status"] = JsonNode.Parse("""
            {"allocatable":{"cpu":"4","memory":"8Gi","pods":"110"},"capacity":{"cpu":"4","memory":"8Gi","pods":"110"},
             "conditions":[{"type":"Ready","status":"True","reason":"KubeletReady","message":"ready"}]}
            """);
        await member.UpdateStatusAsync(ResourceRefs.Nodes, created, cancellationToken: ct);
    }

    private static async Task CreatePodAsync(KubeApiClient member, string name, string? nodeName, string cpu, CancellationToken ct)
    {
        var pod = new JsonObject
        {
            ["apiVersion"] = "v1",
            ["kind"] = "Pod",
            ["metadata"] = new JsonObject { ["name"] = name, ["namespace"] = "default" },
            ["spec"] = new JsonObject
            {
                ["containers"] = new JsonArray(new JsonObject
                {
                    ["name"] = "app",
                    ["image"] = "nginx",
                    ["resources"] = new JsonObject { ["requests"] = new JsonObject { ["cpu"] = cpu, ["memory"] = "1Gi" } },
                }),
            },
        };
        if (nodeName is not null)
        {
            pod["spec"]!["nodeName"] = nodeName;
        }

        await member.CreateAsync(ResourceRefs.Pods, pod, cancellationToken: ct);
    }
}
