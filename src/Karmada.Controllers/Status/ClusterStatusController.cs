using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using Karmada.Api;
using Karmada.Api.Meta;
using Karmada.Client;
using Karmada.Client.Controllers;
using Karmada.Client.Informers;
using Karmada.Controllers.Members;
using Karmada.Controllers.Runtime;
using Microsoft.Extensions.Logging;
using ClusterV1Alpha1 = Karmada.Api.Cluster.V1Alpha1;

namespace Karmada.Controllers.Status;

/// <summary>
/// The <c>clusterStatus</c> controller for Push clusters: every <c>--cluster-status-update-frequency</c> it probes the
/// member's <c>/readyz</c> (<c>/healthz</c> when that is missing), smooths the Ready condition by the success and
/// failure thresholds, and while the member is online collects its version, API enablements, node summary and
/// resource summary (from node and pod informers on the member). The status is written once per change, as a merge
/// patch of the changed fields; a member's discovery documents are fetched again only when their ETag changed.
/// </summary>
public sealed partial class ClusterStatusController : IReconciler<ObjectKey>
{
    /// <summary>The controller's name in <c>--controllers</c>.</summary>
    public const string Name = "clusterStatus";

    /// <summary>
    /// The Cluster updates that call for a probe before the periodic one: a new generation (endpoint, credentials,
    /// sync mode) or the start of deletion. Not this controller's own status writes: every write triggered another
    /// probe, about ten times the configured probe rate, each a round of member discovery requests.
    /// </summary>
    public static bool IsProbeWorthy(ClusterV1Alpha1.Cluster old, ClusterV1Alpha1.Cluster current)
    {
        ArgumentNullException.ThrowIfNull(old);
        ArgumentNullException.ThrowIfNull(current);
        return old.Metadata.Generation != current.Metadata.Generation
            || (old.Metadata.DeletionTimestamp is null) != (current.Metadata.DeletionTimestamp is null);
    }

    private static readonly TimeSpan SummaryRetry = TimeSpan.FromSeconds(1);

    private readonly KubeApiClient _client;
    private readonly SharedInformer<ClusterV1Alpha1.Cluster> _clusters;
    private readonly IMemberClusterClients _memberClients;
    private readonly MemberClusterInformers _memberInformers;
    private readonly ReadyConditionSmoother _smoother;
    private readonly ConcurrentDictionary<string, ApiEnablementCache> _apiEnablements = new(StringComparer.Ordinal);
    private readonly ControllerManagerOptions _options;
    private readonly TimeProvider _timeProvider;
    private readonly ILogger _logger;

    public ClusterStatusController(
        KubeApiClient client,
        SharedInformer<ClusterV1Alpha1.Cluster> clusters,
        IMemberClusterClients memberClients,
        MemberClusterInformers memberInformers,
        ControllerManagerOptions options,
        TimeProvider timeProvider,
        ILogger<ClusterStatusController> logger)
    {
        _client = client;
        _clusters = clusters;
        _memberClients = memberClients;
        _memberInformers = memberInformers;
        _options = options;
        _timeProvider = timeProvider;
        _logger = logger;
        _smoother = new ReadyConditionSmoother(options.ClusterSuccessThreshold, options.ClusterFailureThreshold, timeProvider);
    }

    public async Task<ReconcileResult> ReconcileAsync(ObjectKey key, CancellationToken cancellationToken)
    {
        var cached = _clusters.Indexer.Get(key);
        if (cached is null || cached.Metadata.DeletionTimestamp is not null || cached.Spec.SyncMode != ClusterV1Alpha1.ClusterSyncMode.Push)
        {
            // Gone, leaving, or a Pull cluster whose agent reports its own status.
            _smoother.Forget(key.Name);
            _apiEnablements.TryRemove(key.Name, out _);
            await _memberInformers.StopAsync(key.Name);
            return ReconcileResult.Done;
        }

        var round = System.Diagnostics.Stopwatch.StartNew();
        var requeue = new ReconcileResult(_options.ClusterStatusUpdateFrequency);
        var cluster = cached.DeepClone();
        var status = cluster.Status;
        var now = _timeProvider.GetUtcNow();
        var current = status.Conditions.Find(c => c.Type == ClusterV1Alpha1.ClusterConditionTypes.Ready);

        KubeApiClient member;
        try
        {
            member = await _memberClients.GetAsync(cached, cancellationToken);
        }
        catch (MemberClusterConfigurationException ex)
        {
            LogBadCredentials(_logger, key.Name, ex.Message);
            var failed = MemberHealth.ReadyCondition(Api.Meta.ConditionStatus.False, ClusterV1Alpha1.ClusterConditionReasons.StatusCollectionFailed, ex.Message);
            await WriteIfChangedAsync(cached, cluster, ConditionSetter.Set(status.Conditions, failed, now), cancellationToken);
            return requeue;
        }

        // Version and discovery go out with the probe, not after it (one round trip less for a new member's Ready);
        // they are used only when the probe finds the member online.
        using var fetchCancellation = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var fetch = MemberVersionAndApis.FetchAsync(member, _apiEnablements.GetOrAdd(key.Name, _ => new ApiEnablementCache()), fetchCancellation.Token);
        var health = await MemberHealth.ProbeAsync(member, cancellationToken);
        LogHealth(key.Name, health);
        var online = health.Online;
        var ready = _smoother.Adjust(key.Name, current, health.ObservedReadyCondition());

        if (!online)
        {
            // Not wanted: stop it and wait it out.
            await fetchCancellation.CancelAsync();
            await fetch;
            if (ready.Status == ConditionStatus.True)
            {
                // Within the failure threshold: keep the last status as it is.
                return requeue;
            }

            // Offline past the threshold: report it and stop the member watches until it is back.
            await _memberInformers.StopAsync(key.Name);
            await WriteIfChangedAsync(cached, cluster, ConditionSetter.Set(status.Conditions, ready, now), cancellationToken);
            return requeue;
        }

        var readyChanged = ConditionSetter.Set(status.Conditions, ready, now);

        // Start (or find) the member's node and pod informers first: their first list overlaps version and discovery.
        var factory = await _memberInformers.GetOrStartAsync(key.Name, member, cancellationToken);
        var nodes = factory.GetInformer(ResourceRefs.Nodes);
        var pods = factory.GetInformer(ResourceRefs.Pods);
        var fetched = await fetch ?? throw new OperationCanceledException(cancellationToken);
        if (fetched.VersionError is not null)
        {
            LogCollectFailed(_logger, key.Name, "version", fetched.VersionError);
        }

        var changed = fetched.ApplyTo(status, now) | readyChanged;
        var probed = round.Elapsed;

        var written = cached;
        if (!(nodes.HasSynced && pods.HasSynced))
        {
            // A newly watched member: publish Ready (with version and APIs) now rather than after the informers' first
            // list; the summaries follow in a second write.
            if (changed)
            {
                written = await ClusterStatusWriter.WriteAsync(_client, written, status, cancellationToken);
                LogRoundWritten(_logger, key.Name, ready.Status.ToString(), ready.Reason, probed.TotalMilliseconds, "summaries pending");
                cluster = written.DeepClone();
                status = cluster.Status;
                changed = false;
            }

            if (!await WaitForSyncAsync(nodes, pods, cancellationToken))
            {
                // The first list is still running; a quick retry fills the summaries in.
                return new ReconcileResult(SummaryRetry);
            }
        }

        changed |= MemberSummaries.Apply(status, nodes, pods);
        if (changed)
        {
            await ClusterStatusWriter.WriteAsync(_client, written, status, cancellationToken);
            LogRoundWritten(_logger, key.Name, ready.Status.ToString(), ready.Reason, round.Elapsed.TotalMilliseconds, "complete");
        }

        return requeue;
    }

    private void LogHealth(string cluster, MemberHealth health)
    {
        if (health.Error is not { } error)
        {
            return;
        }

        if (health.Online)
        {
            LogUnhealthy(_logger, cluster, error);
        }
        else
        {
            LogUnreachable(_logger, cluster, error);
        }
    }

    private async Task<bool> WaitForSyncAsync(SharedInformer<JsonObject> nodes, SharedInformer<JsonObject> pods, CancellationToken cancellationToken)
    {
        if (nodes.HasSynced && pods.HasSynced)
        {
            return true;
        }

        // Bounded well below the API timeout: a worker held here holds up every other cluster's probe (joins come in bursts).
        using var timeout = new CancellationTokenSource(_options.ClusterApiTimeout < SummaryRetry ? _options.ClusterApiTimeout : SummaryRetry, _timeProvider);
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

    private async Task WriteIfChangedAsync(ClusterV1Alpha1.Cluster cached, ClusterV1Alpha1.Cluster cluster, bool changed, CancellationToken cancellationToken)
    {
        if (!changed)
        {
            return;
        }

        await ClusterStatusWriter.WriteAsync(_client, cached, cluster.Status, cancellationToken);
        var ready = cluster.Status.Conditions.Find(c => c.Type == ClusterV1Alpha1.ClusterConditionTypes.Ready);
        LogStatusUpdated(_logger, cached.Metadata.Name!, ready?.Status.ToString() ?? "", ready?.Reason ?? "");
    }

    // Event ids 4100-4149: cluster status controller. Next free id: 4106.
    [LoggerMessage(4100, LogLevel.Information, "Updated status of cluster {Cluster}: Ready={Ready} ({Reason})")]
    private static partial void LogStatusUpdated(ILogger logger, string cluster, string ready, string reason);

    [LoggerMessage(4101, LogLevel.Warning, "Cluster {Cluster} is not reachable: {Error}")]
    private static partial void LogUnreachable(ILogger logger, string cluster, string error);

    [LoggerMessage(4102, LogLevel.Warning, "Cluster {Cluster} answered its health check without ok: {Error}")]
    private static partial void LogUnhealthy(ILogger logger, string cluster, string error);

    [LoggerMessage(4103, LogLevel.Warning, "Collecting {What} of cluster {Cluster} failed: {Error}")]
    private static partial void LogCollectFailed(ILogger logger, string cluster, string what, string error);

    [LoggerMessage(4105, LogLevel.Information, "Updated status of cluster {Cluster}: Ready={Ready} ({Reason}), {ElapsedMs:F0} ms into the round ({Stage})")]
    private static partial void LogRoundWritten(ILogger logger, string cluster, string ready, string reason, double elapsedMs, string stage);

    [LoggerMessage(4104, LogLevel.Error, "Cannot build a client for cluster {Cluster}: {Error}")]
    private static partial void LogBadCredentials(ILogger logger, string cluster, string error);
}
