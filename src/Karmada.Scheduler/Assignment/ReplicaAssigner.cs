using System.Runtime.InteropServices;
using Karmada.Api.Policy.V1Alpha1;
using Karmada.Api.Work.V1Alpha2;
using Karmada.Policy.Selection;
using Karmada.Scheduler.Apportionment;
using Karmada.Scheduler.Spread;

namespace Karmada.Scheduler.Assignment;

/// <summary>Upstream's replica assignment (<c>core/common.go</c>, <c>assignment.go</c>, <c>division_algorithm.go</c>).</summary>
public static class ReplicaAssigner
{
    /// <summary>
    /// Assigns replicas to the selected clusters. Workloads (replicas or requirements, at most one component) are
    /// divided by strategy and clusters left with 0 replicas are dropped; everything else goes to every cluster
    /// without replicas (with the components when multi-template scheduling applies). Overflow affinities fill the
    /// primary tier first, then each overflow tier.
    /// </summary>
    public static Outcome<IReadOnlyList<TargetCluster>> AssignReplicas(
        IReadOnlyList<ClusterDetailInfo> clusters,
        ResourceBindingSpec spec,
        ResourceBindingStatus? status,
        bool multiplePodTemplatesScheduling = false)
    {
        ArgumentNullException.ThrowIfNull(clusters);
        ArgumentNullException.ThrowIfNull(spec);
        if (clusters.Count == 0)
        {
            return new(SchedulingFailure.Error("no clusters available to schedule"));
        }

        if ((spec.Replicas > 0 || spec.ReplicaRequirements is not null) && spec.Components.Count <= 1)
        {
            var placement = spec.Placement ?? new Placement();
            var term = PlacementRules.ObservedAffinityTerm(placement, status?.SchedulerObservedAffinityName);
            return term is { OverflowAffinities.Count: > 0 }
                ? AssignByOverflowTiers(clusters, spec, status)
                : AssignAndDropEmpty(new AssignState(clusters, spec, status, spec.Replicas, spec.Clusters));
        }

        var withComponents = multiplePodTemplatesScheduling && IsMultiTemplateSchedulingApplicable(spec);
        var all = new List<TargetCluster>(clusters.Count);
        foreach (var cluster in clusters)
        {
            var target = new TargetCluster { Name = cluster.Name };
            if (withComponents)
            {
                target.Components = spec.Components.ConvertAll(c => new ComponentReplicas { Name = c.Name, Replicas = c.Replicas });
            }

            all.Add(target);
        }

        return new(all);
    }

    /// <summary>Multi-component results apply only when a cluster spread constraint pins the binding to one cluster.</summary>
    public static bool IsMultiTemplateSchedulingApplicable(ResourceBindingSpec spec)
    {
        ArgumentNullException.ThrowIfNull(spec);
        return spec.Components.Count > 0
            && spec.Placement is { } placement
            && placement.SpreadConstraints.Any(c => c.SpreadByField == SpreadFieldValue.Cluster && c.MinGroups == 1 && c.MaxGroups == 1);
    }

    /// <summary>Assigns by the strategy without dropping empty clusters (upstream's <c>assignFuncMap</c> dispatch).</summary>
    internal static Outcome<IReadOnlyList<ClusterReplicas>> Assign(AssignState state) => state.StrategyType switch
    {
        AssignmentStrategy.Duplicated => new(AssignByDuplicatedStrategy(state)),
        AssignmentStrategy.StaticWeight => new(AssignByStaticWeightStrategy(state)),
        AssignmentStrategy.Aggregated or AssignmentStrategy.DynamicWeight => AssignByDynamicStrategy(state),
        _ => new(SchedulingFailure.Error(
            $"unsupported replica scheduling strategy, replicaSchedulingType: {PlacementRules.ReplicaSchedulingType(state.Spec.Placement)}, " +
            $"replicaDivisionPreference: {state.Strategy?.ReplicaDivisionPreference.ToString() ?? ""}, please try another scheduling strategy")),
    };

    /// <summary>Every candidate gets all replicas, in candidate order.</summary>
    internal static IReadOnlyList<ClusterReplicas> AssignByDuplicatedStrategy(AssignState state) =>
        [.. state.Candidates.Select(c => new ClusterReplicas(c.Name, state.Replicas))];

    /// <summary>
    /// Divides by static weights with the Webster method: a cluster weighs the most of the rules matching it, clusters
    /// matching none are left out, and all clusters weigh 1 when nothing has weight (or there is no weight preference).
    /// Clusters may end with 0.
    /// </summary>
    internal static IReadOnlyList<ClusterReplicas> AssignByStaticWeightStrategy(AssignState state)
    {
        var weights = state.Strategy?.WeightPreference is { } preference
            ? StaticWeights(state.Candidates, preference.StaticWeightList)
            : [];
        if (weights.Count == 0)
        {
            weights = [.. state.Candidates.Select(c => new ClusterWeight(c.Name, 1))];
        }

        var dispenser = new ReplicaDispenser(state.Replicas, null, state.TieBreaker);
        dispenser.TakeByWeight(weights);
        return dispenser.Result;
    }

    /// <summary>
    /// Dynamic weight and Aggregated: Fresh divides everything again; Steady scales down proportionally to the previous
    /// result, scales up by dividing only the extra replicas by available capacity, or keeps the result unchanged.
    /// </summary>
    internal static Outcome<IReadOnlyList<ClusterReplicas>> AssignByDynamicStrategy(AssignState state)
    {
        state.BuildScheduledClusters();
        if (state.Mode == AssignmentMode.Fresh)
        {
            return Wrap(DynamicFreshScale(state), "failed to do fresh scale");
        }

        if (state.AssignedReplicas > state.Replicas)
        {
            return Wrap(DynamicScaleDown(state), "failed to scale down");
        }

        if (state.AssignedReplicas < state.Replicas)
        {
            return Wrap(DynamicScaleUp(state), "failed to scale up");
        }

        return new(state.ScheduledClusters);
    }

    /// <summary>Divides all replicas again, weighted by the previous assignment (largest first).</summary>
    internal static Outcome<IReadOnlyList<ClusterReplicas>> DynamicScaleDown(AssignState state)
    {
        state.TargetReplicas = state.Replicas;
        state.ScheduledClusters = [];
        state.SetAvailableClusters(SortByReplicasDescending(state.Previous.Select(t => new ClusterReplicas(t.Name, t.Replicas))));
        return DynamicDivideReplicas(state);
    }

    /// <summary>Divides the extra replicas by the clusters' allocatable replicas and adds them to the previous result.</summary>
    internal static Outcome<IReadOnlyList<ClusterReplicas>> DynamicScaleUp(AssignState state)
    {
        state.TargetReplicas = (int)(state.Replicas - state.AssignedReplicas);
        state.SetAvailableClusters(SortByReplicasDescending(state.Candidates.Select(c => new ClusterReplicas(c.Name, c.AllocatableReplicas))));
        return DynamicDivideReplicas(state);
    }

    /// <summary>Divides all replicas from scratch, weighted by allocatable plus already-assigned replicas.</summary>
    internal static Outcome<IReadOnlyList<ClusterReplicas>> DynamicFreshScale(AssignState state)
    {
        state.TargetReplicas = state.Replicas;
        var scheduled = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var cluster in state.ScheduledClusters)
        {
            scheduled.TryAdd(cluster.Name, cluster.Replicas);
        }

        state.SetAvailableClusters(SortByReplicasDescending(state.Candidates.Select(
            c => new ClusterReplicas(c.Name, c.AllocatableReplicas + scheduled.GetValueOrDefault(c.Name)))));
        state.ScheduledClusters = [];
        return DynamicDivideReplicas(state);
    }

    /// <summary>
    /// Divides <c>TargetReplicas</c> by the available clusters on top of the scheduled ones; Aggregated first keeps the
    /// shortest prefix (previously used clusters first) whose capacity reaches the target. Short capacity is
    /// Unschedulable.
    /// </summary>
    internal static Outcome<IReadOnlyList<ClusterReplicas>> DynamicDivideReplicas(AssignState state)
    {
        if (state.AvailableReplicas < state.TargetReplicas)
        {
            return new(SchedulingFailure.Unschedulable($"Clusters available replicas {state.AvailableReplicas} are not enough to schedule."));
        }

        switch (state.StrategyType)
        {
            case AssignmentStrategy.Aggregated:
                var resorted = state.ResortAvailableClusters();
                long sum = 0;
                var count = resorted.Count;
                for (var i = 0; i < resorted.Count; i++)
                {
                    sum += resorted[i].Replicas;
                    if (sum >= state.TargetReplicas)
                    {
                        count = i + 1;
                        break;
                    }
                }

                state.AvailableClusters = [.. resorted.Take(count)];
                goto case AssignmentStrategy.DynamicWeight;
            case AssignmentStrategy.DynamicWeight:
                return new(ReplicaDispenser.SpreadReplicasByTargetClusters(
                    state.TargetReplicas, state.AvailableClusters, state.ScheduledClusters, state.TieBreaker));
            default:
                return new(SchedulingFailure.Error($"undefined strategy type: {state.StrategyType}"));
        }
    }

    /// <summary>
    /// Per cluster, the highest weight among the static rules whose target matches it; clusters without a positive
    /// weight are left out. Rules that only list names are looked up by name rather than matched one by one (the
    /// same answer as <see cref="ClusterAffinityMatcher"/>, in linear time), which keeps large weight lists cheap.
    /// </summary>
    internal static List<ClusterWeight> StaticWeights(IReadOnlyList<ClusterDetailInfo> candidates, IReadOnlyList<StaticClusterWeight> rules)
    {
        var byName = new Dictionary<string, long>(rules.Count, StringComparer.Ordinal);
        long matchAll = 0;
        List<StaticClusterWeight>? general = null;
        foreach (var rule in rules)
        {
            var target = rule.TargetCluster;
            if (target.LabelSelector is not null || target.FieldSelector is not null)
            {
                (general ??= []).Add(rule);
            }
            else if (target.ClusterNames.Count > 0)
            {
                foreach (var name in target.ClusterNames)
                {
                    if (target.ExcludeClusters.Count == 0 || !target.ExcludeClusters.Contains(name))
                    {
                        ref var weight = ref CollectionsMarshal.GetValueRefOrAddDefault(byName, name, out _);
                        weight = Math.Max(weight, rule.Weight);
                    }
                }
            }
            else if (target.ExcludeClusters.Count == 0)
            {
                matchAll = Math.Max(matchAll, rule.Weight);
            }
            else
            {
                (general ??= []).Add(rule);
            }
        }

        var weights = new List<ClusterWeight>(candidates.Count);
        foreach (var candidate in candidates)
        {
            var weight = byName.TryGetValue(candidate.Name, out var named) ? Math.Max(matchAll, named) : matchAll;
            if (general is not null)
            {
                foreach (var rule in general)
                {
                    if (rule.Weight > weight && ClusterAffinityMatcher.Matches(candidate.Cluster, rule.TargetCluster))
                    {
                        weight = rule.Weight;
                    }
                }
            }

            if (weight > 0)
            {
                weights.Add(new(candidate.Name, weight));
            }
        }

        return weights;
    }

    private static Outcome<IReadOnlyList<TargetCluster>> AssignAndDropEmpty(AssignState state)
    {
        var assigned = Assign(state);
        return assigned.IsSuccess ? new(DropEmpty(assigned.Value)) : new(assigned.Failure);
    }

    /// <summary>
    /// Fills the primary tier (overflow order 0) first, then each overflow tier in order, each with at most its
    /// available replicas and assigned on its own; what no tier can hold is Unschedulable. A tier's previous
    /// assignment is the part of <c>spec.clusters</c> on its own clusters.
    /// </summary>
    private static Outcome<IReadOnlyList<TargetCluster>> AssignByOverflowTiers(
        IReadOnlyList<ClusterDetailInfo> clusters, ResourceBindingSpec spec, ResourceBindingStatus? status)
    {
        var results = new List<TargetCluster>();
        long remaining = spec.Replicas;
        foreach (var tier in clusters.GroupBy(c => c.OverflowOrder).OrderBy(g => g.Key))
        {
            var members = tier.ToList();
            var names = new HashSet<string>(members.Select(c => c.Name), StringComparer.Ordinal);
            var share = (int)Math.Min(remaining, members.Sum(c => c.AvailableReplicas));
            var previous = spec.Clusters.Where(t => names.Contains(t.Name)).ToList();
            var assigned = AssignAndDropEmpty(new AssignState(members, spec, status, share, previous));
            if (!assigned.IsSuccess)
            {
                return assigned;
            }

            results.AddRange(assigned.Value);
            remaining -= share;
            if (remaining <= 0)
            {
                break;
            }
        }

        if (remaining > 0)
        {
            return new(SchedulingFailure.Unschedulable("Clusters available replicas are not enough to schedule."));
        }

        return new(results);
    }

    private static List<TargetCluster> DropEmpty(IReadOnlyList<ClusterReplicas> assigned)
    {
        var result = new List<TargetCluster>(assigned.Count);
        foreach (var cluster in assigned)
        {
            if (cluster.Replicas > 0)
            {
                result.Add(new TargetCluster { Name = cluster.Name, Replicas = cluster.Replicas });
            }
        }

        return result;
    }

    /// <summary>Largest first; stable, as Go's insertion sort is for the short lists it sorts here.</summary>
    private static List<ClusterReplicas> SortByReplicasDescending(IEnumerable<ClusterReplicas> clusters) =>
        [.. clusters.OrderByDescending(c => c.Replicas)];

    private static Outcome<IReadOnlyList<ClusterReplicas>> Wrap(Outcome<IReadOnlyList<ClusterReplicas>> outcome, string prefix) =>
        outcome.IsSuccess ? outcome : new(outcome.Failure.Wrap(prefix));
}
