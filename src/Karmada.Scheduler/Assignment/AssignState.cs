using Karmada.Api.Policy.V1Alpha1;
using Karmada.Api.Work.V1Alpha2;
using Karmada.Scheduler.Apportionment;
using Karmada.Scheduler.Spread;
using Karmada.Scheduler.Triggers;

namespace Karmada.Scheduler.Assignment;

/// <summary>The inputs and intermediate results of one replica assignment (upstream's <c>assignState</c>).</summary>
internal sealed class AssignState
{
    public AssignState(
        IReadOnlyList<ClusterDetailInfo> candidates,
        ResourceBindingSpec spec,
        ResourceBindingStatus? status,
        int replicas,
        IReadOnlyList<TargetCluster> previous)
    {
        Candidates = candidates;
        Spec = spec;
        Replicas = replicas;
        Previous = previous;
        Strategy = spec.Placement?.ReplicaScheduling;
        StrategyType = StrategyOf(spec.Placement);
        Mode = SchedulingTriggers.RescheduleRequired(spec.RescheduleTriggeredAt, status?.LastScheduledTime)
            ? AssignmentMode.Fresh
            : AssignmentMode.Steady;
        TieBreaker = BindingTieBreaker.FromUid(spec.Resource.Uid);
    }

    public IReadOnlyList<ClusterDetailInfo> Candidates { get; }

    public ResourceBindingSpec Spec { get; }

    /// <summary>The replicas to assign in this call (the spec's, or a tier's share).</summary>
    public int Replicas { get; }

    /// <summary>The previous assignment this call may keep (the spec's clusters, or a tier's share).</summary>
    public IReadOnlyList<TargetCluster> Previous { get; }

    public ReplicaSchedulingStrategy? Strategy { get; }

    public AssignmentStrategy StrategyType { get; set; }

    public AssignmentMode Mode { get; set; }

    public WebsterTieBreaker? TieBreaker { get; set; }

    /// <summary>The previous assignment restricted to clusters that are still candidates.</summary>
    public IReadOnlyList<ClusterReplicas> ScheduledClusters { get; set; } = [];

    public long AssignedReplicas { get; set; }

    /// <summary>The weights of this division.</summary>
    public IReadOnlyList<ClusterReplicas> AvailableClusters { get; set; } = [];

    public long AvailableReplicas { get; set; }

    /// <summary>The replicas to divide in this round.</summary>
    public int TargetReplicas { get; set; }

    /// <summary>Upstream's <c>newAssignState</c> strategy choice.</summary>
    public static AssignmentStrategy StrategyOf(Placement? placement)
    {
        if (PlacementRules.ReplicaSchedulingType(placement) == ReplicaSchedulingType.Duplicated)
        {
            return AssignmentStrategy.Duplicated;
        }

        var strategy = placement!.ReplicaScheduling!;
        return strategy.ReplicaDivisionPreference switch
        {
            ReplicaDivisionPreference.Aggregated => AssignmentStrategy.Aggregated,
            ReplicaDivisionPreference.Weighted => strategy.WeightPreference?.DynamicWeight is not null
                ? AssignmentStrategy.DynamicWeight
                : AssignmentStrategy.StaticWeight,
            _ => AssignmentStrategy.Unsupported,
        };
    }

    public void BuildScheduledClusters()
    {
        if (Previous.Count == 0)
        {
            ScheduledClusters = [];
            AssignedReplicas = 0;
            return;
        }

        var candidates = new HashSet<string>(Candidates.Select(c => c.Name), StringComparer.Ordinal);
        var scheduled = new List<ClusterReplicas>();
        long assigned = 0;
        foreach (var target in Previous)
        {
            // Clusters that are no longer candidates do not count as assigned: their replicas get placed elsewhere.
            if (candidates.Contains(target.Name))
            {
                scheduled.Add(new(target.Name, target.Replicas));
                assigned += target.Replicas;
            }
        }

        ScheduledClusters = scheduled;
        AssignedReplicas = assigned;
    }

    public void SetAvailableClusters(IReadOnlyList<ClusterReplicas> available)
    {
        AvailableClusters = available;
        AvailableReplicas = available.Sum(c => (long)c.Replicas);
    }

    /// <summary>The available clusters with the ones already holding replicas moved to the front, order kept.</summary>
    public IReadOnlyList<ClusterReplicas> ResortAvailableClusters()
    {
        var prior = new HashSet<string>(ScheduledClusters.Where(c => c.Replicas > 0).Select(c => c.Name), StringComparer.Ordinal);
        if (prior.Count == 0)
        {
            return AvailableClusters;
        }

        return [.. AvailableClusters.Where(c => prior.Contains(c.Name)), .. AvailableClusters.Where(c => !prior.Contains(c.Name))];
    }
}
