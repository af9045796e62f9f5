using Karmada.Api;
using Karmada.Api.Policy.V1Alpha1;
using Karmada.Api.Work.V1Alpha2;

namespace Karmada.Controllers.Eviction;

/// <summary>
/// Upstream's graceful eviction rules (<c>gracefuleviction/evictiontask.go</c> and its ResourceHealth plugin) as a plain
/// function: which eviction tasks a binding keeps, and when to look again.
/// </summary>
/// <param name="Tasks">The tasks to keep, new ones stamped with a creation time.</param>
/// <param name="Changed">Whether <see cref="Tasks"/> differs from the binding's tasks.</param>
/// <param name="Removed">The clusters whose task ended (their old copy may now go).</param>
/// <param name="NextRetry">When a kept task may time out; null when none can.</param>
public sealed record GracefulEvictionAssessment(List<GracefulEvictionTask> Tasks, bool Changed, IReadOnlyList<string> Removed, TimeSpan? NextRetry)
{
    /// <summary>
    /// Assesses each task of <paramref name="spec"/>. A task without a creation time gets <paramref name="now"/> and
    /// stays. Otherwise it ends when <c>suppressDeletion</c> is explicitly false (someone confirmed the deletion); stays
    /// for good when <c>suppressDeletion</c> is true or the purge mode is Never; ends when its grace period
    /// (<c>gracePeriodSeconds</c>, else <paramref name="timeout"/>) has passed; ends when the binding is scheduled
    /// (<paramref name="generation"/> observed by the scheduler) and every other scheduled cluster reports the resource
    /// Healthy; stays otherwise. Looks again at the earliest timeout, at most every tenth of <paramref name="timeout"/>.
    /// </summary>
    public static GracefulEvictionAssessment Assess(ResourceBindingSpec spec, ResourceBindingStatus status, long generation, TimeSpan timeout, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(spec);
        ArgumentNullException.ThrowIfNull(status);
        var kept = new List<GracefulEvictionTask>(spec.GracefulEvictionTasks.Count);
        var removed = new List<string>();
        var changed = false;
        var scheduled = status.SchedulerObservedGeneration == generation;
        foreach (var original in spec.GracefulEvictionTasks)
        {
            if (original.CreationTimestamp is null)
            {
                var stamped = original.DeepClone();
                stamped.CreationTimestamp = DateTimeOffset.FromUnixTimeSeconds(now.ToUnixTimeSeconds());
                kept.Add(stamped);
                changed = true;
                continue;
            }

            if (Keeps(original, spec.Clusters, status.AggregatedStatus, scheduled, timeout, now))
            {
                kept.Add(original);
            }
            else
            {
                removed.Add(original.FromCluster);
                changed = true;
            }
        }

        return new GracefulEvictionAssessment(kept, changed, removed, NextRetryOf(kept, timeout, now));
    }

    private static bool Keeps(
        GracefulEvictionTask task, IReadOnlyList<TargetCluster> clusters, IReadOnlyList<AggregatedStatusItem> observed, bool scheduled, TimeSpan timeout, DateTimeOffset now)
    {
        if (task.SuppressDeletion is { } suppress)
        {
            return suppress;
        }

        if (task.PurgeMode == PurgeMode.Never)
        {
            return true;
        }

        if (now > task.CreationTimestamp!.Value + TimeoutOf(task, timeout))
        {
            return false;
        }

        return !(scheduled && HealthyElsewhere(task.FromCluster, clusters, observed));
    }

    /// <summary>Every scheduled cluster but the evicted one reports the resource Healthy.</summary>
    public static bool HealthyElsewhere(string evictedCluster, IReadOnlyList<TargetCluster> clusters, IReadOnlyList<AggregatedStatusItem> observed)
    {
        ArgumentNullException.ThrowIfNull(clusters);
        ArgumentNullException.ThrowIfNull(observed);
        foreach (var cluster in clusters)
        {
            if (cluster.Name == evictedCluster)
            {
                continue;
            }

            var item = observed.FirstOrDefault(s => s.ClusterName == cluster.Name);
            if (item?.Health != ResourceHealth.Healthy)
            {
                return false;
            }
        }

        return true;
    }

    private static TimeSpan? NextRetryOf(IReadOnlyList<GracefulEvictionTask> tasks, TimeSpan timeout, DateTimeOffset now)
    {
        TimeSpan? next = null;
        foreach (var task in tasks)
        {
            if (task.SuppressDeletion is not null || task.PurgeMode == PurgeMode.Never)
            {
                continue;
            }

            var remaining = task.CreationTimestamp!.Value + TimeoutOf(task, timeout) - now;
            var wait = remaining < timeout / 10 ? remaining : timeout / 10;
            next = next is null || wait < next ? wait : next;
        }

        // A timeout already passed still needs one more look: just after it, not immediately in a loop.
        return next is { } n && n <= TimeSpan.Zero ? TimeSpan.FromSeconds(1) : next;
    }

    private static TimeSpan TimeoutOf(GracefulEvictionTask task, TimeSpan timeout) =>
        task.GracePeriodSeconds is { } seconds ? TimeSpan.FromSeconds(seconds) : timeout;
}
