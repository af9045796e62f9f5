using System.Text.Json.Nodes;
using Karmada.Api;
using Karmada.Api.Meta;
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
/// The agent's <c>clusterStatus</c> controller for its own Pull cluster: every
/// <see cref="AgentOptions.ClusterStatusUpdateFrequency"/> it probes the member beside it (<c>/readyz</c>, else
/// <c>/healthz</c>), smooths Ready with <see cref="ReadyConditionSmoother"/>, and while the member is healthy collects
/// its version, API enablements (<see cref="ApiEnablementCollector"/>) and node and resource summaries
/// (<see cref="ResourceSummaryCalculator"/> over member informers shared with the Work controllers). The status is
/// written to the control plane once per change; the Lease is the heartbeat in between.
/// </summary>
public sealed partial class AgentClusterStatusController : IReconciler<ObjectKey>
{
    /// <summary>The controller's name.</summary>
    public const string Name = "clusterStatus";

    internal const string ClusterHealthyMessage = "cluster is healthy and ready to accept workloads";
    internal const string ClusterUnhealthyMessage = "cluster is reachable but health endpoint responded without ok";
    internal const string ClusterNotReachableMessage = "cluster is not reachable";

    private readonly KubeApiClient _controlPlane;
    private readonly KubeApiClient _member;
    private readonly SharedInformer<ClusterV1Alpha1.Cluster> _clusters;
    private readonly MemberClusterInformers _memberInformers;
    private readonly AgentOptions _options;
    private readonly ReadyConditionSmoother _smoother;
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
        var (online, healthy) = await ProbeAsync(cancellationToken);
        var observed = !online
            ? ReadyCondition(ConditionStatus.False, ClusterV1Alpha1.ClusterConditionReasons.ClusterNotReachable, ClusterNotReachableMessage)
            : !healthy
                ? ReadyCondition(ConditionStatus.False, ClusterV1Alpha1.ClusterConditionReasons.ClusterNotReady, ClusterUnhealthyMessage)
                : ReadyCondition(ConditionStatus.True, ClusterV1Alpha1.ClusterConditionReasons.ClusterReady, ClusterHealthyMessage);
        var ready = _smoother.Adjust(key.Name, status.Conditions.Find(c => c.Type == ClusterV1Alpha1.ClusterConditionTypes.Ready), observed);
        var changed = ConditionSetter.Set(status.Conditions, ready, now);
        if (online && healthy)
        {
            changed |= await CollectAsync(status, now, cancellationToken);
        }

        if (changed)
        {
            await _controlPlane.UpdateStatusAsync(ResourceRefs.Clusters, null, key.Name, cluster, ClusterMeta.TypeInfo, cancellationToken: cancellationToken);
            LogStatusUpdated(_logger, key.Name, ready.Status.ToString(), ready.Reason);
        }

        return requeue;
    }

    private static Condition ReadyCondition(ConditionStatus status, string reason, string message) =>
        new() { Type = ClusterV1Alpha1.ClusterConditionTypes.Ready, Status = status, Reason = reason, Message = message };

    private async Task<(bool Online, bool Healthy)> ProbeAsync(CancellationToken cancellationToken)
    {
        try
        {
            try
            {
                await _member.GetRawAsync("/readyz", cancellationToken);
            }
            catch (ApiException ex) when (ex.IsNotFound())
            {
                await _member.GetRawAsync("/healthz", cancellationToken);
            }

            return (true, true);
        }
        catch (ApiException ex)
        {
            LogProbeFailed(_logger, _options.ClusterName, ex.Message);
            return (true, false);
        }
        catch (Exception ex) when (!cancellationToken.IsCancellationRequested && ex is HttpRequestException or IOException or TimeoutException or OperationCanceledException)
        {
            LogProbeFailed(_logger, _options.ClusterName, ex.Message);
            return (false, false);
        }
    }

    /// <summary>Version, API enablements and summaries of the healthy member; returns whether the status changed.</summary>
    private async Task<bool> CollectAsync(ClusterV1Alpha1.ClusterStatus status, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var changed = false;
        try
        {
            var version = await _member.GetRawAsync("/version", JsonObjectMeta.TypeInfo, cancellationToken);
            if (version["gitVersion"]?.GetValue<string>() is { } gitVersion && gitVersion != status.KubernetesVersion)
            {
                status.KubernetesVersion = gitVersion;
                changed = true;
            }
        }
        catch (Exception ex) when (ex is ApiException or HttpRequestException or IOException or TimeoutException or System.Text.Json.JsonException)
        {
            LogProbeFailed(_logger, _options.ClusterName, ex.Message);
        }

        var (enablements, complete) = await ApiEnablementCollector.CollectAsync(_member, cancellationToken);
        if (enablements.Count > 0 && KarmadaJson.Serialize(enablements) != KarmadaJson.Serialize(status.ApiEnablements))
        {
            status.ApiEnablements = enablements;
            changed = true;
        }

        changed |= ConditionSetter.Set(status.Conditions, complete
            ? new Condition { Type = ClusterV1Alpha1.ClusterConditionTypes.CompleteAPIEnablements, Status = ConditionStatus.True, Reason = ClusterV1Alpha1.ClusterConditionReasons.CompleteAPIEnablements, Message = "cluster has collected all API enablements" }
            : new Condition { Type = ClusterV1Alpha1.ClusterConditionTypes.CompleteAPIEnablements, Status = ConditionStatus.False, Reason = enablements.Count == 0 ? "EmptyAPIEnablements" : "PartialAPIEnablements", Message = "cluster has collected only part of its API enablements" }, now);

        var factory = await _memberInformers.GetOrStartAsync(_options.ClusterName, _member, cancellationToken);
        var nodes = factory.GetInformer(ResourceRefs.Nodes);
        var pods = factory.GetInformer(ResourceRefs.Pods);
        if (!await WaitForSyncAsync(nodes, pods, cancellationToken))
        {
            return changed;
        }

        IReadOnlyCollection<JsonObject> nodeList = nodes.Indexer.List();
        IReadOnlyCollection<JsonObject> podList = pods.Indexer.List();
        var nodeSummary = ResourceSummaryCalculator.NodeSummary(nodeList);
        if (status.NodeSummary is null || KarmadaJson.Serialize(nodeSummary) != KarmadaJson.Serialize(status.NodeSummary))
        {
            status.NodeSummary = nodeSummary;
            changed = true;
        }

        var resourceSummary = ResourceSummaryCalculator.ResourceSummary(nodeList, podList);
        resourceSummary.AllocatableModelings = status.ResourceSummary?.AllocatableModelings ?? [];
        if (status.ResourceSummary is null || KarmadaJson.Serialize(resourceSummary) != KarmadaJson.Serialize(status.ResourceSummary))
        {
            status.ResourceSummary = resourceSummary;
            changed = true;
        }

        return changed;
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
