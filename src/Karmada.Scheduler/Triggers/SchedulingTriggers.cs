using System.Text.Json;
using Karmada.Api;
using Karmada.Api.Cluster.V1Alpha1;
using Karmada.Api.Meta;
using Karmada.Api.Policy.V1Alpha1;
using Karmada.Api.WellKnown;
using Karmada.Api.Work.V1Alpha2;

namespace Karmada.Scheduler.Triggers;

/// <summary>
/// When to schedule a (Cluster)ResourceBinding: upstream's <c>doScheduleBinding</c> decision, without the I/O.
/// </summary>
public static class SchedulingTriggers
{
    /// <summary>
    /// Checks, in upstream's order: deletion, suspension, placement changed, replicas changed, explicit reschedule,
    /// non-workload or Duplicated, a terminating target cluster. <paramref name="clusters"/> are the known clusters.
    /// </summary>
    public static SchedulingDecision Evaluate(ObjectMeta metadata, ResourceBindingSpec spec, ResourceBindingStatus status, IReadOnlyList<Cluster> clusters)
    {
        ArgumentNullException.ThrowIfNull(metadata);
        ArgumentNullException.ThrowIfNull(spec);
        ArgumentNullException.ThrowIfNull(status);
        ArgumentNullException.ThrowIfNull(clusters);
        if (metadata.DeletionTimestamp is not null)
        {
            return Skip(ScheduleTrigger.BindingDeleting, "skip schedule deleting binding");
        }

        if (spec.Suspension?.Scheduling == true)
        {
            return Skip(ScheduleTrigger.SchedulingSuspended, "scheduling is suspended");
        }

        if (spec.Placement is not { } placement)
        {
            return Skip(ScheduleTrigger.MissingPlacement, "failed to get placement from binding");
        }

        var applied = metadata.Annotations.GetValueOrDefault(WellKnownAnnotations.AppliedPlacement);
        if (PlacementChanged(placement, applied, status.SchedulerObservedAffinityName))
        {
            return Schedule(ScheduleTrigger.PlacementChanged, "placement changed");
        }

        if (IsBindingReplicasChanged(spec, placement.ReplicaScheduling))
        {
            return Schedule(ScheduleTrigger.ReplicasChanged, "replicas scaled down or scaled up");
        }

        if (RescheduleRequired(spec.RescheduleTriggeredAt, status.LastScheduledTime))
        {
            return Schedule(ScheduleTrigger.RescheduleTriggered, "explicitly triggered reschedule");
        }

        if (spec.Replicas == 0 || Spread.PlacementRules.ReplicaSchedulingType(placement) == ReplicaSchedulingType.Duplicated)
        {
            return Schedule(ScheduleTrigger.AlwaysScheduled, "scheduling type is duplicated");
        }

        if (HasTerminatingTargetClusters(spec, clusters))
        {
            return Schedule(ScheduleTrigger.TargetClusterTerminating, "some scheduled clusters are deleted");
        }

        return new(ScheduleTrigger.None, false, metadata.Generation != status.SchedulerObservedGeneration, "don't need to schedule");
    }

    /// <summary>
    /// Upstream's <c>placementChanged</c>: no annotation is a change; an unreadable one is not (upstream logs and moves
    /// on); otherwise clusterAffinity, clusterTolerations, spreadConstraints and replicaScheduling are compared, and of
    /// clusterAffinities only the term being observed (a missing name or term counts as changed). Values are compared
    /// by their JSON form, which is what the annotation holds.
    /// </summary>
    public static bool PlacementChanged(Placement placement, string? appliedPlacement, string? observedAffinityName)
    {
        ArgumentNullException.ThrowIfNull(placement);
        if (string.IsNullOrEmpty(appliedPlacement))
        {
            return true;
        }

        Placement applied;
        try
        {
            applied = KarmadaJson.Deserialize<Placement>(appliedPlacement);
        }
        catch (JsonException)
        {
            return false;
        }

        if (KarmadaJson.Serialize(placement) == KarmadaJson.Serialize(applied))
        {
            return false;
        }

        if (KarmadaJson.Serialize(ComparedFields(placement)) != KarmadaJson.Serialize(ComparedFields(applied)))
        {
            return true;
        }

        if (string.IsNullOrEmpty(observedAffinityName))
        {
            return true;
        }

        var term = placement.ClusterAffinities.Find(t => t.AffinityName == observedAffinityName);
        var appliedTerm = applied.ClusterAffinities.Find(t => t.AffinityName == observedAffinityName);
        if (term is null || appliedTerm is null)
        {
            return true;
        }

        return KarmadaJson.Serialize(term) != KarmadaJson.Serialize(appliedTerm);
    }

    /// <summary>
    /// Upstream's <c>IsBindingReplicasChanged</c>: Duplicated when any target's replicas differ from
    /// <c>spec.replicas</c>, Divided when their sum does; never without a strategy.
    /// </summary>
    public static bool IsBindingReplicasChanged(ResourceBindingSpec spec, ReplicaSchedulingStrategy? strategy)
    {
        ArgumentNullException.ThrowIfNull(spec);
        return strategy?.ReplicaSchedulingType switch
        {
            ReplicaSchedulingType.Duplicated => spec.Clusters.Exists(c => c.Replicas != spec.Replicas),
            ReplicaSchedulingType.Divided => spec.Clusters.Sum(c => c.Replicas) != spec.Replicas,
            _ => false,
        };
    }

    /// <summary>
    /// A reschedule was requested after the last successful schedule. Without a last schedule the first one is still
    /// pending (or failing), so nothing extra is needed.
    /// </summary>
    public static bool RescheduleRequired(DateTimeOffset? rescheduleTriggeredAt, DateTimeOffset? lastScheduledTime) =>
        rescheduleTriggeredAt is { } triggered && lastScheduledTime is { } last && triggered > last;

    /// <summary>Whether a cluster the binding targets has a deletion timestamp.</summary>
    public static bool HasTerminatingTargetClusters(ResourceBindingSpec spec, IReadOnlyList<Cluster> clusters)
    {
        ArgumentNullException.ThrowIfNull(spec);
        ArgumentNullException.ThrowIfNull(clusters);
        return clusters.Any(c => c.Metadata.DeletionTimestamp is not null && spec.Clusters.Exists(t => t.Name == c.Metadata.Name));
    }

    private static Placement ComparedFields(Placement placement) => new()
    {
        ClusterAffinity = placement.ClusterAffinity,
        ClusterTolerations = placement.ClusterTolerations,
        SpreadConstraints = placement.SpreadConstraints,
        ReplicaScheduling = placement.ReplicaScheduling,
    };

    private static SchedulingDecision Schedule(ScheduleTrigger trigger, string reason) => new(trigger, true, false, reason);

    private static SchedulingDecision Skip(ScheduleTrigger trigger, string reason) => new(trigger, false, false, reason);
}
