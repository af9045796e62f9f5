using System.Text.Json;
using Karmada.Api;
using Karmada.Api.Meta;
using Karmada.Api.Policy.V1Alpha1;
using Karmada.Api.WellKnown;
using Karmada.Api.Work.V1Alpha2;
using Karmada.Scheduler.Taints;
using Taint = Karmada.Api.Core.Taint;
using Toleration = Karmada.Api.Core.Toleration;

namespace Karmada.Controllers.Eviction;

/// <summary>
/// Upstream's NoExecute taint manager decisions (<c>cluster/taint_manager.go</c>, <c>helper/taint.go</c>) as plain
/// functions: whether a binding must leave a tainted cluster now, later or never, and how the eviction is written.
/// </summary>
public static class NoExecuteTaintEviction
{
    /// <summary>
    /// Whether a binding with <paramref name="tolerations"/> (its applied placement's clusterTolerations) must leave a
    /// cluster with <paramref name="clusterTaints"/>: now when a NoExecute taint is not tolerated or a toleration
    /// period has run out (counted from the taint's timeAdded), after the earliest remaining period otherwise, never
    /// when every NoExecute taint is tolerated without tolerationSeconds.
    /// </summary>
    public static EvictionDecision Decide(IReadOnlyList<Taint> clusterTaints, IReadOnlyList<Toleration> tolerations, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(clusterTaints);
        ArgumentNullException.ThrowIfNull(tolerations);
        var noExecute = TaintTolerations.GetNoExecuteTaints(clusterTaints);
        if (noExecute.Count == 0)
        {
            return EvictionDecision.Tolerated;
        }

        var (tolerated, used) = TaintTolerations.GetMatchingTolerations(noExecute, tolerations);
        if (!tolerated)
        {
            return EvictionDecision.Now;
        }

        // Each used toleration with a period starts counting when a taint it tolerates was added; the earliest end wins.
        DateTimeOffset? deadline = null;
        foreach (var toleration in used)
        {
            if (toleration.TolerationSeconds is not { } seconds)
            {
                continue;
            }

            foreach (var taint in noExecute)
            {
                if (taint.TimeAdded is { } added && TaintTolerations.ToleratesTaint(toleration, taint))
                {
                    var end = added.AddSeconds(seconds);
                    deadline = deadline is null || end < deadline ? end : deadline;
                }
            }
        }

        if (deadline is not { } due)
        {
            return EvictionDecision.Tolerated;
        }

        return due <= now ? EvictionDecision.Now : EvictionDecision.After(due - now);
    }

    /// <summary>
    /// The purge mode of a taint eviction: the binding's <c>failover.cluster.purgeMode</c> (Gracefully when that is
    /// set without a mode), else the controller's <c>--no-execute-taint-eviction-purge-mode</c>, where anything but
    /// Directly means Gracefully.
    /// </summary>
    public static PurgeMode PurgeModeFor(FailoverBehavior? failover, PurgeMode defaultMode)
    {
        if (failover?.Cluster is { } cluster)
        {
            return cluster.PurgeMode ?? PurgeMode.Gracefully;
        }

        return defaultMode == PurgeMode.Directly ? PurgeMode.Directly : PurgeMode.Gracefully;
    }

    /// <summary>
    /// Upstream's <c>GracefulEvictCluster</c>: removes <paramref name="cluster"/> from <c>spec.clusters</c> and, unless
    /// the cluster already has one, appends an eviction task from the TaintManager (reason TaintUntolerated) carrying
    /// the replicas it had. Returns false when the cluster was not scheduled.
    /// </summary>
    public static bool EvictCluster(ResourceBindingSpec spec, string cluster, PurgeMode purgeMode, string message)
    {
        ArgumentNullException.ThrowIfNull(spec);
        var index = spec.Clusters.FindIndex(c => c.Name == cluster);
        if (index < 0)
        {
            return false;
        }

        var evicted = spec.Clusters[index];
        spec.Clusters.RemoveAt(index);
        if (spec.GracefulEvictionTasks.Exists(t => t.FromCluster == cluster))
        {
            return true;
        }

        spec.GracefulEvictionTasks.Add(new GracefulEvictionTask
        {
            FromCluster = cluster,
            PurgeMode = purgeMode,
            Replicas = evicted.Replicas > 0 ? evicted.Replicas : null,
            Reason = EvictionReasons.TaintUntolerated,
            Message = message,
            Producer = EvictionProducers.TaintManager,
            // Never keeps the old copy until someone ends the task, as the application failover controller writes it.
            SuppressDeletion = purgeMode == PurgeMode.Never ? true : null,
        });
        return true;
    }

    /// <summary>
    /// The placement the scheduler last applied (annotation <c>policy.karmada.io/applied-placement</c>), whose
    /// clusterTolerations decide eviction; null when the binding has not been scheduled or the annotation is unreadable.
    /// </summary>
    public static Placement? AppliedPlacement(ObjectMeta metadata)
    {
        ArgumentNullException.ThrowIfNull(metadata);
        if (!metadata.Annotations.TryGetValue(WellKnownAnnotations.AppliedPlacement, out var json) || string.IsNullOrEmpty(json))
        {
            return null;
        }

        try
        {
            return KarmadaJson.Deserialize<Placement>(json);
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
