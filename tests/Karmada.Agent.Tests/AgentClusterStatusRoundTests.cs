using System.Text.Json.Nodes;
using Karmada.Api;
using Karmada.Client;
using Karmada.Client.Informers;
using Karmada.Controllers.Members;
using Karmada.Controllers.Runtime;
using Karmada.Patching.Json;
using Karmada.Testing;
using Karmada.Testing.ControlPlane;
using Microsoft.Extensions.Logging.Abstractions;
using ClusterV1Alpha1 = Karmada.Api.Cluster.V1Alpha1;

namespace Karmada.Agent.Tests;

/// <summary>
/// The agent's status rounds one at a time, against a real control plane and a real member API server (nodes and pods
/// made by the test, so the summaries are known), with every request the agent sends to either recorded: what a round
/// writes, how its discovery is asked, and a write that meets a conflict.
/// </summary>
[Trait("Category", "Integration")]
public sealed class AgentClusterStatusRoundTests : IAsyncLifetime
{
    private const string ClusterName = "pull1";
    private const string AgentUserAgent = "karmada-agent";
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(30);
    private static readonly ObjectKey Key = new(null, ClusterName);
    private static readonly PatchOptions StatusSubresource = new() { Subresource = "status" };
    private const string AggregatedDiscovery = "application/json;g=apidiscovery.k8s.io;v=v2;as=APIGroupDiscoveryList";
    private readonly CancellationTokenSource _timeout = new(TimeSpan.FromMinutes(2));
    private readonly RequestLog _controlPlaneLog = new(AgentUserAgent);
    private readonly RequestLog _memberLog = new(AgentUserAgent);
    private readonly MemberClusterInformers _memberInformers = new(TimeProvider.System, NullLoggerFactory.Instance);
    private InProcessControlPlane _controlPlane = null!;
    private InProcessControlPlane _memberServer = null!;
    private KubeApiClient _agentControlPlane = null!;
    private KubeApiClient _agentMember = null!;
    private SharedInformer<ClusterV1Alpha1.Cluster> _clusters = null!;
    private AgentClusterStatusController _controller = null!;

    private CancellationToken Ct => _timeout.Token;

    private KubeApiClient ControlPlane => _controlPlane.Client;

    private KubeApiClient Member => _memberServer.Client;

    public async Task InitializeAsync()
    {
        _controlPlane = await InProcessControlPlane.StartAsync(
            new InProcessControlPlaneOptions { DirectoryPrefix = "cp-agent-status", ConfigurePipeline = _controlPlaneLog.Attach },
            Ct);
        _memberServer = await InProcessControlPlane.StartAsync(
            new InProcessControlPlaneOptions { DirectoryPrefix = "member-agent-status", KarmadaResources = false, ConfigurePipeline = _memberLog.Attach },
            Ct);
        await CreateNodeAsync("node-1");
        await CreateNodeAsync("node-2");

        var options = new AgentOptions { ClusterName = ClusterName, ClusterSuccessThreshold = TimeSpan.Zero, ClusterStatusUpdateFrequency = TimeSpan.FromHours(1) };
        _agentControlPlane = new KubeApiClient(_controlPlane.Configuration, new KubeApiClientOptions { UserAgent = AgentUserAgent });
        _agentMember = new KubeApiClient(_memberServer.Configuration, new KubeApiClientOptions { UserAgent = AgentUserAgent });
        await ClusterRegistrar.EnsureAsync(ControlPlane, options, _memberServer.Configuration.Host, Ct);
        _clusters = _controlPlane.Informers.GetInformer(ResourceRefs.Clusters, ClusterMeta.TypeInfo, ClusterMeta.Accessor);
        await _clusters.WaitForCacheSyncAsync(Ct);
        _controller = new AgentClusterStatusController(
            _agentControlPlane, _agentMember, _clusters, _memberInformers, options, TimeProvider.System, NullLogger<AgentClusterStatusController>.Instance);
    }

    public async Task DisposeAsync()
    {
        await _memberInformers.DisposeAsync();
        _agentControlPlane.Dispose();
        _agentMember.Dispose();
        await _controlPlane.DisposeAsync();
        await _memberServer.DisposeAsync();
        _timeout.Dispose();
    }

    [Fact]
    public async Task UnchangedRound_WritesNothing_AndAsksDiscoveryOnlyConditionally()
    {
        var first = await FirstRoundAsync();
        var (sent, memberRequests) = (_controlPlaneLog.Requests.Count, _memberLog.Requests.Count);

        await _controller.ReconcileAsync(Key, Ct);

        Assert.Empty(_controlPlaneLog.Requests.Skip(sent));
        var asked = MemberRequestsSince(memberRequests);
        Assert.All(asked, r => Assert.Contains(r.Path, new[] { "/readyz", "/healthz", "/version", "/api", "/apis" }));
        Assert.Equal(new[] { "/api 304", "/apis 304" }, asked.Where(r => r.Path is "/api" or "/apis").Select(r => $"{r.Path} {r.StatusCode}").Order(StringComparer.Ordinal));
        Assert.All(asked.Where(r => r.Path is "/api" or "/apis"), r => Assert.NotEmpty(r.IfNoneMatch));
        var stored = await ReadClusterAsync();
        Assert.Equal(first.Metadata.ResourceVersion, stored.Metadata.ResourceVersion);
    }

    [Fact]
    public async Task HostedController_ItsOwnStatusWrite_DoesNotStartAnotherRound_ButANewGenerationDoes()
    {
        var service = AgentClusterStatusController.CreateHostedService(_controller, _clusters, TimeProvider.System, NullLoggerFactory.Instance);
        await service.StartAsync(Ct);
        try
        {
            // The first round (the informer's ADDED) writes the collected status. Every round asks the member's /api.
            await Eventually.UntilAsync(async () => (await ReadClusterAsync()).Status.NodeSummary is not null, Deadline, "the first round's status write", Ct);
            await SettledAsync();

            // The write comes back through the informer as an update of the status only. Unfiltered, it started the
            // next round within milliseconds; give it far longer than that (the periodic round is an hour away).
            await Task.Delay(TimeSpan.FromSeconds(1), Ct);
            Assert.Equal(1, DiscoveryRounds());

            // A new generation (the endpoint or credentials may have changed) is worth a round at once.
            var cluster = await ReadClusterAsync();
            cluster.Spec.Region = "eu-central";
            await ControlPlane.UpdateAsync(ResourceRefs.Clusters, null, ClusterName, cluster, ClusterMeta.TypeInfo, cancellationToken: Ct);
            await Eventually.UntilAsync(() => DiscoveryRounds() == 2, Deadline, "a round for the new generation", Ct);
        }
        finally
        {
            await service.StopAsync(CancellationToken.None);
            service.Dispose();
        }
    }

    [Fact]
    public async Task NotModifiedDiscovery_KeepsTheEnablements_AndANewApiIsWrittenAlone()
    {
        var first = await FirstRoundAsync();
        Assert.Contains(first.Status.ApiEnablements, e => e.GroupVersion == "apps/v1");
        var memberRequests = _memberLog.Requests.Count;
        await _controller.ReconcileAsync(Key, Ct);
        Assert.All(MemberRequestsSince(memberRequests).Where(r => r.Path is "/api" or "/apis"), r => Assert.Equal(304, r.StatusCode));
        Assert.Equal(KarmadaJson.Serialize(first.Status), KarmadaJson.Serialize((await SettledAsync()).Status));

        // A custom resource is installed on the member: the next round is answered the new /apis and writes only the APIs.
        await Member.CreateAsync(CustomResourceDefinitions, TestCustomResources.WidgetDefinition(), cancellationToken: Ct);
        await Eventually.UntilAsync(
            async () => (await Member.GetRawAsync("/apis", AggregatedDiscovery, JsonObjectMeta.TypeInfo, Ct))["items"] is JsonArray groups
                && groups.Any(g => g?["metadata"]?["name"]?.GetValue<string>() == "example.io"),
            Deadline,
            "example.io in the member's aggregated discovery",
            Ct);
        var basis = await SettledAsync();
        var (writes, beforeCrdRound) = (_controlPlaneLog.Requests.Count, _memberLog.Requests.Count);

        await _controller.ReconcileAsync(Key, Ct);

        Assert.Contains(MemberRequestsSince(beforeCrdRound), r => r is { Path: "/apis", StatusCode: 200 });
        var patch = Assert.Single(_controlPlaneLog.Requests.Skip(writes));
        var body = JsonNode.Parse(patch.Body!)!;
        Assert.Equal(["apiEnablements"], body["status"]!.AsObject().Select(p => p.Key));
        Assert.Equal(basis.Metadata.ResourceVersion, body["metadata"]!["resourceVersion"]!.GetValue<string>());
        var stored = await ReadClusterAsync();
        Assert.Contains(stored.Status.ApiEnablements, e => e.GroupVersion == "example.io/v1" && e.Resources.Exists(r => r.Name == "widgets" && r.Kind == "Widget"));
        Assert.Equal(first.Status.ApiEnablements.Count + 1, stored.Status.ApiEnablements.Count);
    }

    [Fact]
    public async Task ChangedSummaries_AreOneMergePatchOfThem_ThatGivesTheCollectedStatus()
    {
        await FirstRoundAsync();
        await CreatePodAsync("web-0", "node-1");
        await SetNodeReadyAsync("node-2", false);
        await MemberCachesSeeAsync(pods: 1, readyNodes: 1);
        var basis = await SettledAsync();
        var writes = _controlPlaneLog.Requests.Count;

        await _controller.ReconcileAsync(Key, Ct);

        var patch = Assert.Single(_controlPlaneLog.Requests.Skip(writes));
        Assert.Equal("PATCH", patch.Method);
        Assert.Equal($"/apis/cluster.karmada.io/v1alpha1/clusters/{ClusterName}/status", patch.Path);
        Assert.StartsWith("application/merge-patch+json", patch.ContentType, StringComparison.Ordinal);
        var body = JsonNode.Parse(patch.Body!)!;
        Assert.Equal(basis.Metadata.ResourceVersion, body["metadata"]!["resourceVersion"]!.GetValue<string>());
        Assert.Equal(["nodeSummary", "resourceSummary"], body["status"]!.AsObject().Select(p => p.Key).Order(StringComparer.Ordinal));
        Assert.False(body["status"]!["resourceSummary"]!.AsObject().ContainsKey("allocatable"));

        var stored = await ReadClusterAsync();
        Assert.Equal((2, 1), (stored.Status.NodeSummary!.TotalNum, stored.Status.NodeSummary.ReadyNum));
        Assert.Equal("500m", stored.Status.ResourceSummary!.Allocated["cpu"].ToString());
        Assert.Equal("1", stored.Status.ResourceSummary.Allocated["pods"].ToString());
        var patched = KarmadaJson.Deserialize<ClusterV1Alpha1.Cluster>(JsonMergePatch.Apply(KarmadaJson.SerializeToNode(basis), body)!);
        Assert.Equal(KarmadaJson.Serialize(stored.Status), KarmadaJson.Serialize(patched!.Status));
    }

    [Fact]
    public async Task Conflict_IsRetriedOnAFreshCopy_KeepingTheOtherWritersFields()
    {
        await FirstRoundAsync();
        await CreatePodAsync("web-0", "node-1");
        await MemberCachesSeeAsync(pods: 1, readyNodes: 2);
        await SettledAsync();
        var raced = 0;
        _controlPlaneLog.BeforeWrite = async _ =>
        {
            if (Interlocked.Exchange(ref raced, 1) == 0)
            {
                // Resource modeling writes its grades between the agent's read and its write: the agent's basis is stale.
                await ControlPlane.PatchAsync(
                    ResourceRefs.Clusters, null, ClusterName, PatchType.Merge,
                    JsonNode.Parse("""{"status":{"resourceSummary":{"allocatableModelings":[{"grade":0,"count":2}]}}}""")!,
                    StatusSubresource, Ct);
            }
        };
        var writes = _controlPlaneLog.Requests.Count;

        await _controller.ReconcileAsync(Key, Ct);

        var sent = _controlPlaneLog.Requests.Skip(writes).ToList();
        Assert.Equal(["PATCH 409", "GET 200", "PATCH 200"], sent.Select(r => $"{r.Method} {r.StatusCode}"));
        var stored = await ReadClusterAsync();
        Assert.Equal("1", stored.Status.ResourceSummary!.Allocated["pods"].ToString());
        var modeling = Assert.Single(stored.Status.ResourceSummary.AllocatableModelings);
        Assert.Equal((0, 2), (modeling.Grade, modeling.Count));
        Assert.Equal(2, stored.Status.Conditions.Count);
    }

    private static readonly ResourceRef CustomResourceDefinitions = new("apiextensions.k8s.io", "v1", "customresourcedefinitions", Namespaced: false);

    /// <summary>The first round (Ready, version, APIs, summaries), and the cluster cache caught up with its write.</summary>
    private async Task<ClusterV1Alpha1.Cluster> FirstRoundAsync()
    {
        await _controller.ReconcileAsync(Key, Ct);
        var cluster = await SettledAsync();
        Assert.Equal(Api.Meta.ConditionStatus.True, cluster.Status.Conditions.Find(c => c.Type == ClusterV1Alpha1.ClusterConditionTypes.Ready)?.Status);
        Assert.Equal((2, 2), (cluster.Status.NodeSummary?.TotalNum, cluster.Status.NodeSummary?.ReadyNum));
        Assert.NotEmpty(cluster.Status.ApiEnablements);
        return cluster;
    }

    /// <summary>The stored Cluster, once the agent's cluster cache (its basis for the next round) has it.</summary>
    private async Task<ClusterV1Alpha1.Cluster> SettledAsync()
    {
        var stored = await ReadClusterAsync();
        await Eventually.UntilAsync(
            () => _clusters.Indexer.Get(Key)?.Metadata.ResourceVersion == stored.Metadata.ResourceVersion,
            Deadline,
            $"the cluster cache at resourceVersion {stored.Metadata.ResourceVersion}",
            Ct);
        return stored;
    }

    private Task<ClusterV1Alpha1.Cluster> ReadClusterAsync() =>
        ControlPlane.GetAsync(ResourceRefs.Clusters, null, ClusterName, ClusterMeta.TypeInfo, Ct);

    private int DiscoveryRounds() => _memberLog.Requests.Count(r => r.Path == "/api");

    private IReadOnlyList<RecordedRequest> MemberRequestsSince(int count) =>
        [.. _memberLog.Requests.Skip(count).Where(r => r.Path is not ("/api/v1/nodes" or "/api/v1/pods"))];

    /// <summary>Waits until the agent's member informers hold what the test changed on the member.</summary>
    private async Task MemberCachesSeeAsync(int pods, int readyNodes)
    {
        var informers = await _memberInformers.GetOrStartAsync(ClusterName, _agentMember, Ct);
        await Eventually.UntilAsync(
            () => informers.GetInformer(ResourceRefs.Pods).Indexer.List().Count == pods
                && Controllers.Status.ResourceSummaryCalculator.NodeSummary(informers.GetInformer(ResourceRefs.Nodes).Indexer.List()).ReadyNum == readyNodes,
            Deadline,
            $"{pods} pods and {readyNodes} ready nodes in the agent's member caches",
            Ct);
    }

    private async Task CreateNodeAsync(string name)
    {
        await Member.CreateAsync(ResourceRefs.Nodes, new JsonObject { ["apiVersion"] = "v1", ["kind"] = "Node", ["metadata"] = new JsonObject { ["name"] = name } }, cancellationToken: Ct);
        await Member.PatchAsync(ResourceRefs.Nodes, null, name, PatchType.Merge, JsonNode.Parse("""
            {"status":{"capacity":{"cpu":"8","memory":"16Gi","pods":"110"},"allocatable":{"cpu":"8","memory":"16Gi","pods":"110"}}}
            """)!, StatusSubresource, Ct);
        await SetNodeReadyAsync(name, true);
    }

    private Task<JsonObject> SetNodeReadyAsync(string name, bool ready) =>
        Member.PatchAsync(ResourceRefs.Nodes, null, name, PatchType.Merge, new JsonObject
        {
            ["status"] = new JsonObject { ["conditions"] = new JsonArray(new JsonObject { ["type"] = "Ready", ["status"] = ready ? "True" : "False" }) },
        }, StatusSubresource, Ct);

    private Task<JsonObject> CreatePodAsync(string name, string node) =>
        Member.CreateAsync(ResourceRefs.Pods, JsonNode.Parse("""
            {"apiVersion":"v1","kind":"Pod","metadata":{"name":"NAME","namespace":"default"},
             "spec":{"nodeName":"NODE","containers":[{"name":"app","image":"nginx","resources":{"requests":{"cpu":"500m","memory":"1Gi"}}}]}}
            """.Replace("NAME", name, StringComparison.Ordinal).Replace("NODE", node, StringComparison.Ordinal))!.AsObject(), cancellationToken: Ct);
}
