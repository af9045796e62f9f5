using System.Collections.Concurrent;
using Karmada.Api.Meta;
using ClusterV1Alpha1 = Karmada.Api.Cluster.V1Alpha1;

namespace Karmada.Controllers.Cluster;

/// <summary>
/// Upstream's <c>tryUpdateClusterHealth</c> for Pull clusters, whose agent posts the status itself: the last time
/// anything was heard from a cluster (its Ready condition changed, or its Lease <c>karmada-cluster/&lt;name&gt;</c> was
/// renewed) is remembered per cluster, and once that is older than the grace period the Ready condition turns Unknown
/// (<c>ClusterStatusUnknown</c>; <c>ClusterStatusNeverUpdated</c> with the startup grace period when the agent never
/// posted one). Times are this controller's own clock, so skew between the agent and the control plane does not matter.
/// </summary>
public sealed class ClusterHealthMonitor
{
    /// <summary>Reason when the agent stopped posting status.</summary>
    public const string StatusUnknownReason = "ClusterStatusUnknown";

    /// <summary>Reason when the agent never posted status.</summary>
    public const string NeverUpdatedReason = "ClusterStatusNeverUpdated";

    internal const string StatusUnknownMessage = "Cluster status controller stopped posting cluster status.";
    internal const string NeverUpdatedMessage = "Cluster status controller never posted cluster status.";

    private readonly ConcurrentDictionary<string, Observation> _observations = new(StringComparer.Ordinal);

    public ClusterHealthMonitor(TimeSpan gracePeriod, TimeSpan startupGracePeriod)
    {
        GracePeriod = gracePeriod;
        StartupGracePeriod = startupGracePeriod;
    }

    /// <summary><c>--cluster-monitor-grace-period</c>.</summary>
    public TimeSpan GracePeriod { get; }

    /// <summary><c>--cluster-startup-grace-period</c>.</summary>
    public TimeSpan StartupGracePeriod { get; }

    /// <summary>
    /// Records what is seen of <paramref name="cluster"/> now and returns the Ready condition to write when the cluster
    /// has been silent past its grace period; null when nothing needs writing.
    /// </summary>
    /// <param name="cluster">The Cluster as cached.</param>
    /// <param name="leaseRenewTime">The renewTime of its Lease; null when there is no Lease.</param>
    /// <param name="now">This controller's clock.</param>
    public Condition? Observe(ClusterV1Alpha1.Cluster cluster, DateTimeOffset? leaseRenewTime, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(cluster);
        var name = cluster.Metadata.Name ?? throw new ArgumentException("The cluster has no name.", nameof(cluster));
        var ready = cluster.Status.Conditions.Find(c => c.Type == ClusterV1Alpha1.ClusterConditionTypes.Ready);
        var transition = ready?.LastTransitionTime;

        Observation observation;
        if (!_observations.TryGetValue(name, out var saved))
        {
            // First sight (or a restarted controller): a cluster that never reported counts from its creation.
            var probe = ready is null ? cluster.Metadata.CreationTimestamp ?? now : now;
            observation = new Observation(probe, ready is not null, transition, leaseRenewTime);
        }
        else
        {
            observation = saved;
            if (saved.HadReady != (ready is not null) || saved.ReadyTransition != transition)
            {
                observation = observation with { ProbeTimestamp = now, HadReady = ready is not null, ReadyTransition = transition };
            }

            if (leaseRenewTime is { } renewed && (saved.LeaseRenewTime is null || renewed > saved.LeaseRenewTime))
            {
                observation = observation with { ProbeTimestamp = now, LeaseRenewTime = renewed };
            }
        }

        _observations[name] = observation;
        var grace = ready is null ? StartupGracePeriod : GracePeriod;
        if (now <= observation.ProbeTimestamp + grace)
        {
            return null;
        }

        if (ready is null)
        {
            return new Condition { Type = ClusterV1Alpha1.ClusterConditionTypes.Ready, Status = ConditionStatus.Unknown, Reason = NeverUpdatedReason, Message = NeverUpdatedMessage };
        }

        return ready.Status == ConditionStatus.Unknown
            ? null
            : new Condition { Type = ClusterV1Alpha1.ClusterConditionTypes.Ready, Status = ConditionStatus.Unknown, Reason = StatusUnknownReason, Message = StatusUnknownMessage };
    }

    /// <summary>Forgets a cluster that was removed.</summary>
    public void Forget(string clusterName) => _observations.TryRemove(clusterName, out _);

    private readonly record struct Observation(DateTimeOffset ProbeTimestamp, bool HadReady, DateTimeOffset? ReadyTransition, DateTimeOffset? LeaseRenewTime);
}
