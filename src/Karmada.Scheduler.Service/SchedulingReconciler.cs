using System.Collections.Concurrent;
using Karmada.Api.Work.V1Alpha2;
using Karmada.Client;
using Karmada.Client.Controllers;
using Karmada.Client.Informers;
using Karmada.Scheduler.Triggers;
using Microsoft.Extensions.Logging;
using ClusterV1Alpha1 = Karmada.Api.Cluster.V1Alpha1;

namespace Karmada.Scheduler.Service;

/// <summary>
/// Schedules one (Cluster)ResourceBinding (upstream's <c>doScheduleBinding</c>): reads it and the clusters from the
/// informer caches, asks <see cref="SchedulingTriggers"/> whether it needs scheduling, runs
/// <see cref="GenericScheduler"/>, writes the result and records an Event. A failed attempt is an expected outcome,
/// not an exception: it is recorded on the binding and the key comes back after a per-binding exponential backoff
/// (upstream's unschedulable queue); cluster events bring it back sooner. API errors throw and the controller retries.
/// </summary>
public sealed partial class SchedulingReconciler : IReconciler<ObjectKey>
{
    private readonly SharedInformer<ResourceBinding> _bindings;
    private readonly SharedInformer<ClusterResourceBinding> _clusterBindings;
    private readonly SharedInformer<ClusterV1Alpha1.Cluster> _clusters;
    private readonly GenericScheduler _scheduler;
    private readonly ScheduleOptions _scheduleOptions;
    private readonly string _schedulerName;
    private readonly BindingWriter _writer;
    private readonly SchedulingEventRecorder _events;
    private readonly TimeProvider _timeProvider;
    private readonly ILogger _logger;

    // Per binding, the resourceVersion of our own spec write that our status write then superseded. The spec write
    // bumps the generation, which queues the binding again; if the informer has not yet delivered the status write,
    // the cache shows the new generation with the old status and a rerun would write a third time.
    private readonly ConcurrentDictionary<ObjectKey, string> _supersededVersions = new();
    private readonly ConcurrentDictionary<ObjectKey, int> _failures = new();
    private readonly TimeSpan _initialRetryDelay;
    private readonly TimeSpan _maxRetryDelay;

    public SchedulingReconciler(
        SharedInformer<ResourceBinding> bindings,
        SharedInformer<ClusterResourceBinding> clusterBindings,
        SharedInformer<ClusterV1Alpha1.Cluster> clusters,
        GenericScheduler scheduler,
        SchedulerServiceOptions options,
        BindingWriter writer,
        SchedulingEventRecorder events,
        TimeProvider timeProvider,
        ILogger<SchedulingReconciler> logger)
    {
        ArgumentNullException.ThrowIfNull(options);
        _bindings = bindings ?? throw new ArgumentNullException(nameof(bindings));
        _clusterBindings = clusterBindings ?? throw new ArgumentNullException(nameof(clusterBindings));
        _clusters = clusters ?? throw new ArgumentNullException(nameof(clusters));
        _scheduler = scheduler ?? throw new ArgumentNullException(nameof(scheduler));
        _writer = writer ?? throw new ArgumentNullException(nameof(writer));
        _events = events ?? throw new ArgumentNullException(nameof(events));
        _timeProvider = timeProvider ?? throw new ArgumentNullException(nameof(timeProvider));
        _logger = logger ?? throw new ArgumentNullException(nameof(logger));
        _scheduleOptions = options.ToScheduleOptions();
        _schedulerName = options.SchedulerName;
        _initialRetryDelay = options.InitialRetryDelay;
        _maxRetryDelay = options.MaxRetryDelay;
    }

    /// <summary>The wait before the <paramref name="failures"/>-th retry: doubling from the initial delay, capped.</summary>
    public static TimeSpan RetryDelay(int failures, TimeSpan initial, TimeSpan max)
    {
        var exponent = Math.Clamp(failures - 1, 0, 30);
        var delay = initial.TotalMilliseconds * Math.Pow(2, exponent);
        return delay >= max.TotalMilliseconds ? max : TimeSpan.FromMilliseconds(delay);
    }

    public async Task<ReconcileResult> ReconcileAsync(ObjectKey key, CancellationToken cancellationToken)
    {
        var binding = Find(key);
        if (binding is null)
        {
            _supersededVersions.TryRemove(key, out _);
            _failures.TryRemove(key, out _);
            return ReconcileResult.Done;
        }

        if (_supersededVersions.TryGetValue(key, out var superseded))
        {
            if (binding.Metadata.ResourceVersion == superseded)
            {
                return ReconcileResult.Done;
            }

            _supersededVersions.TryRemove(key, out _);
        }

        if (!BindingEventFilter.IsResponsible(_schedulerName, binding.Metadata, binding.Spec))
        {
            return ReconcileResult.Done;
        }

        var clusters = _clusters.Indexer.List();
        var decision = SchedulingTriggers.Evaluate(binding.Metadata, binding.Spec, binding.Status, clusters);
        if (!decision.ShouldSchedule)
        {
            if (decision.Trigger == ScheduleTrigger.MissingPlacement)
            {
                LogMissingPlacement(_logger, binding.Kind, key.ToString());
            }

            await WriteAsync(binding, ScheduleUpdatePlanner.ForUnscheduled(decision), cancellationToken).ConfigureAwait(false);
            return ReconcileResult.Done;
        }

        LogScheduling(_logger, binding.Kind, key.ToString(), decision.Reason);
        var outcome = _scheduler.Schedule(binding.Spec, binding.Status, clusters, _scheduleOptions);
        var update = ScheduleUpdatePlanner.ForOutcome(binding, decision, outcome, _timeProvider.GetUtcNow());
        await WriteAsync(binding, update, cancellationToken).ConfigureAwait(false);
        if (update.Event is { } recorded)
        {
            _events.Record(binding, recorded);
        }

        if (!outcome.IsScheduled)
        {
            var failures = _failures.AddOrUpdate(key, 1, (_, n) => n + 1);
            var delay = RetryDelay(failures, _initialRetryDelay, _maxRetryDelay);
            if (update.WritesBinding)
            {
                LogScheduleFailed(_logger, binding.Kind, key.ToString(), ScheduleUpdatePlanner.DescribeFailure(outcome.Diagnosis), delay);
            }

            return ReconcileResult.After(delay);
        }

        _failures.TryRemove(key, out _);
        LogScheduled(_logger, binding.Kind, key.ToString(), ScheduleUpdatePlanner.DescribeTargets(outcome.Result.TargetClusters));
        return ReconcileResult.Done;
    }

    private async Task WriteAsync(SchedulableBinding binding, ScheduleUpdate update, CancellationToken cancellationToken)
    {
        if (await _writer.ApplyAsync(binding, update, cancellationToken).ConfigureAwait(false) is { } superseded)
        {
            _supersededVersions[binding.Key] = superseded;
        }
    }

    private SchedulableBinding? Find(ObjectKey key)
    {
        if (key.Namespace is null)
        {
            return _clusterBindings.Indexer.Get(key) is { } clusterBinding ? SchedulableBinding.Of(clusterBinding) : null;
        }

        return _bindings.Indexer.Get(key) is { } binding ? SchedulableBinding.Of(binding) : null;
    }

    // Event ids 5010-5049: scheduling reconciler. Next free id: 5014.
    [LoggerMessage(5010, LogLevel.Debug, "Scheduling {Kind} {Key}: {Reason}")]
    private static partial void LogScheduling(ILogger logger, string kind, string key, string reason);

    [LoggerMessage(5011, LogLevel.Debug, "Scheduled {Kind} {Key} to {Clusters}")]
    private static partial void LogScheduled(ILogger logger, string kind, string key, string clusters);

    [LoggerMessage(5013, LogLevel.Warning, "Failed to schedule {Kind} {Key}: {Reason}; retrying in {Delay}")]
    private static partial void LogScheduleFailed(ILogger logger, string kind, string key, string reason, TimeSpan delay);

    [LoggerMessage(5012, LogLevel.Warning, "{Kind} {Key} has no placement; nothing to schedule")]
    private static partial void LogMissingPlacement(ILogger logger, string kind, string key);
}
