using System.Text.Json.Nodes;
using Karmada.Api;
using Karmada.Client;
using Karmada.Client.Controllers;
using Karmada.Client.Informers;
using Karmada.Controllers.Members;
using Karmada.Controllers.Runtime;
using Karmada.Controllers.Status;
using Microsoft.Extensions.Logging;
using ClusterV1Alpha1 = Karmada.Api.Cluster.V1Alpha1;

namespace Karmada.Agent;

/// <summary>
/// The agent's <c>clusterStatus</c> controller for its own Pull cluster, upstream's cluster status controller run by
/// karmada-agent against its own member: every <see cref="AgentOptions.ClusterStatusUpdateFrequency"/> it probes the
/// member beside it (<see cref="MemberHealth"/>), smooths Ready with <see cref="ReadyConditionSmoother"/>, and while the
/// member is healthy collects its version and API enablements (<see cref="MemberVersionAndApis"/>, discovery by ETag)
/// and node and resource summaries (<see cref="MemberSummaries"/> over member informers shared with the Work
/// controllers). The status is written to the control plane once per change, as a merge patch of the changed fields
/// (<see cref="ClusterStatusWriter"/>); the Lease is the heartbeat in between. The same pieces as the Push controller's.
/// </summary>
public sealed partial class AgentClusterStatusController : IReconciler<ObjectKey>
{
    /// <summary>The controller's name.</summary>
    public const string Name = "clusterStatus";

    private readonly KubeApiClient _controlPlane;
    private readonly KubeApiClient _member;
    private readonly SharedInformer<ClusterV1Alpha1.Cluster> _clusters;
    private readonly MemberClusterInformers _memberInformers;
    private readonly AgentOptions _options;
    private readonly ReadyConditionSmoother _smoother;
    private readonly ApiEnablementCache _apiEnablements = new();
    private readonly TimeProvider _timeProvider;
    private readonly ILogger _logger;

    public AgentClusterStatusController(
        KubeApiClient controlPlane,
        KubeApiClient member,
        SharedInformer<ClusterV1Alpha1.Cluster> clusters,
        MemberClusterInformers memberInformers,
        AgentOptions options,
        TimeProvider timeProvider,
        ILogger<AgentClusterStatusController> logger)
    {
        _controlPlane = controlPlane;
        _member = member;
        _clusters = clusters;
        _memberInformers = memberInformers;
        _options = options;
        _timeProvider = timeProvider;
        _logger = logger;
        _smoother = new ReadyConditionSmoother(options.ClusterSuccessThreshold, options.ClusterFailureThreshold, timeProvider);
    }

    /// <summary>
    /// The controller run over the control plane's Cluster informer by one worker. Cluster updates start a round only
    /// when <see cref="ClusterStatusController.IsProbeWorthy"/> says so, as for Push clusters: the agent's own status
    /// writes would otherwise each bring one more round (a probe and two discovery requests) straight away.
    /// </summary>
    public static ReconcilerHostedService<ClusterV1Alpha1.Cluster> CreateHostedService(
        AgentClusterStatusController controller,
        SharedInformer<ClusterV1Alpha1.Cluster> clusters,
        TimeProvider timeProvider,
        ILoggerFactory loggerFactory) =>
        new(Name, controller, clusters, ClusterMeta.Accessor, 1, timeProvider, loggerFactory, ClusterStatusController.IsProbeWorthy);

    public async Task<ReconcileResult> ReconcileAsync(ObjectKey key, CancellationToken cancellationToken)
    {
        var cached = key.Name == _options.ClusterName ? _clusters.Indexer.Get(key) : null;
        if (cached is null || cached.Metadata.DeletionTimestamp is not null)
        {
            // Another cluster, or ours leaving: nothing to report.
            return ReconcileResult.Done;
        }

        var requeue = new ReconcileResult(_options.ClusterStatusUpdateFrequency);
        var cluster = cached.DeepClone();
        var status = cluster.Status;
        var now = _timeProvider.GetUtcNow();
        var health = await MemberHealth.ProbeAsync(_member, cancellationToken);
        if (health.Error is { } probeError)
        {
            LogProbeFailed(_logger, key.Name, probeError);
        }

        var ready = _smoother.Adjust(key.Name, status.Conditions.Find(c => c.Type == ClusterV1Alpha1.ClusterConditionTypes.Ready), health.ObservedReadyCondition());
        var changed = ConditionSetter.Set(status.Conditions, ready, now);
        if (health is { Online: true, Healthy: true })
        {
            changed |= await CollectAsync(status, now, cancellationToken);
        }

        if (changed)
        {
            // The cached copy is the basis: a write it has not seen yet is a conflict, retried on a fresh copy.
            await ClusterStatusWriter.WriteAsync(_controlPlane, cached, status, cancellationToken);
            LogStatusUpdated(_logger, key.Name, ready.Status.ToString(), ready.Reason);
        }

        return requeue;
    }

    /// <summary>Version, API enablements and summaries of the healthy member; returns whether the status changed.</summary>
    private async Task<bool> CollectAsync(ClusterV1Alpha1.ClusterStatus status, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var fetched = await MemberVersionAndApis.FetchAsync(_member, _apiEnablements, cancellationToken)
            ?? throw new OperationCanceledException(cancellationToken);
        if (fetched.VersionError is not null)
        {
            LogProbeFailed(_logger, _options.ClusterName, fetched.VersionError);
        }

        var changed = fetched.ApplyTo(status, now);
        var factory = await _memberInformers.GetOrStartAsync(_options.ClusterName, _member, cancellationToken);
        var nodes = factory.GetInformer(ResourceRefs.Nodes);
        var pods = factory.GetInformer(ResourceRefs.Pods);
        if (!await WaitForSyncAsync(nodes, pods, cancellationToken))
        {
            return changed;
        }

        return MemberSummaries.Apply(status, nodes, pods) | changed;
    }

    private async Task<bool> WaitForSyncAsync(SharedInformer<JsonObject> nodes, SharedInformer<JsonObject> pods, CancellationToken cancellationToken)
    {
        if (nodes.HasSynced && pods.HasSynced)
        {
            return true;
        }

        using var timeout = new CancellationTokenSource(_options.ClusterApiTimeout, _timeProvider);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timeout.Token);
        try
        {
            await Task.WhenAll(nodes.WaitForCacheSyncAsync(linked.Token), pods.WaitForCacheSyncAsync(linked.Token));
            return true;
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return false;
        }
    }

    // Event ids 6050-6099: agent cluster status. Next free id: 6052.
    [LoggerMessage(6050, LogLevel.Information, "Updated status of cluster {Cluster}: Ready={Ready} ({Reason})")]
    private static partial void LogStatusUpdated(ILogger logger, string cluster, string ready, string reason);

    [LoggerMessage(6051, LogLevel.Warning, "Probing cluster {Cluster} failed: {Error}")]
    private static partial void LogProbeFailed(ILogger logger, string cluster, string error);
}
