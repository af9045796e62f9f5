using Karmada.Api.Policy.V1Alpha1;

namespace Karmada.Scheduler.Spread;

/// <summary>Questions the scheduler asks of a placement (upstream's <c>Placement</c> helpers and selection predicates).</summary>
public static class PlacementRules
{
    /// <summary><c>Placement.ReplicaSchedulingType()</c>: Duplicated when the placement or its type is unset.</summary>
    public static ReplicaSchedulingType ReplicaSchedulingType(Placement? placement) =>
        placement?.ReplicaScheduling?.ReplicaSchedulingType ?? Api.Policy.V1Alpha1.ReplicaSchedulingType.Duplicated;

    /// <summary>
    /// Static weighting ignores spread constraints: Divided + Weighted with no weight preference, or with a static
    /// weight list and no dynamic weight.
    /// </summary>
    public static bool ShouldIgnoreSpreadConstraint(Placement placement)
    {
        ArgumentNullException.ThrowIfNull(placement);
        var strategy = placement.ReplicaScheduling;
        return strategy is not null
            && strategy.ReplicaSchedulingType == Api.Policy.V1Alpha1.ReplicaSchedulingType.Divided
            && strategy.ReplicaDivisionPreference == ReplicaDivisionPreference.Weighted
            && (strategy.WeightPreference is null
                || (strategy.WeightPreference.StaticWeightList.Count != 0 && strategy.WeightPreference.DynamicWeight is null));
    }

    /// <summary>Duplicated (or unset) scheduling ignores cluster capacity during selection.</summary>
    public static bool ShouldIgnoreAvailableResource(Placement placement)
    {
        ArgumentNullException.ThrowIfNull(placement);
        var strategy = placement.ReplicaScheduling;
        return strategy is null || strategy.ReplicaSchedulingType == Api.Policy.V1Alpha1.ReplicaSchedulingType.Duplicated;
    }

    /// <summary>Grouping by topology is skipped with no constraints, a lone cluster constraint, or static weighting.</summary>
    public static bool IsTopologyIgnored(Placement placement)
    {
        ArgumentNullException.ThrowIfNull(placement);
        var constraints = placement.SpreadConstraints;
        if (constraints.Count == 0 || (constraints.Count == 1 && constraints[0].SpreadByField == SpreadFieldValue.Cluster))
        {
            return true;
        }

        return ShouldIgnoreSpreadConstraint(placement);
    }

    /// <summary>Whether a constraint spreads by the field.</summary>
    public static bool HasSpreadConstraint(IReadOnlyList<SpreadConstraint> constraints, SpreadFieldValue field)
    {
        ArgumentNullException.ThrowIfNull(constraints);
        return constraints.Any(c => c.SpreadByField == field);
    }

    /// <summary>
    /// The clusterAffinities term the scheduler is working on: the one named by
    /// <c>status.schedulerObservingAffinityName</c>, unless a plain clusterAffinity is set.
    /// </summary>
    public static ClusterAffinityTerm? ObservedAffinityTerm(Placement placement, string? observedAffinityName)
    {
        ArgumentNullException.ThrowIfNull(placement);
        if (placement.ClusterAffinity is not null)
        {
            return null;
        }

        return placement.ClusterAffinities.Find(t => t.AffinityName == (observedAffinityName ?? ""));
    }
}
