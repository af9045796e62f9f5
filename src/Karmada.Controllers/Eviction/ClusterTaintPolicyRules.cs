using Karmada.Api.Meta;
using Karmada.Api.Policy.V1Alpha1;
using Karmada.Policy.Selection;
using ClusterV1Alpha1 = Karmada.Api.Cluster.V1Alpha1;
using CoreTaint = Karmada.Api.Core.Taint;
using PolicyTaint = Karmada.Api.Policy.V1Alpha1.Taint;

namespace Karmada.Controllers.Eviction;

/// <summary>
/// Upstream's ClusterTaintPolicy semantics (<c>pkg/controllers/taint</c>) as plain functions: which taints a Cluster
/// carries once every policy targeting it has been applied, oldest policy first so conflicting policies settle the
/// same way every time.
/// </summary>
public static class ClusterTaintPolicyRules
{
    /// <summary>
    /// The Cluster's taints after the policies: for each policy targeting the cluster, its taints are added when all
    /// its addOnConditions hold and removed when all its removeOnConditions hold. Returns a new list; taints the
    /// policies do not name are kept in place.
    /// </summary>
    public static List<CoreTaint> Apply(ClusterV1Alpha1.Cluster cluster, IEnumerable<ClusterTaintPolicy> policies, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(cluster);
        ArgumentNullException.ThrowIfNull(policies);
        var taints = new List<CoreTaint>(cluster.Spec.Taints);
        foreach (var policy in InEvaluationOrder(policies))
        {
            if (!Targets(policy, cluster))
            {
                continue;
            }

            if (ConditionsMatch(cluster.Status.Conditions, policy.Spec.AddOnConditions))
            {
                AddTaints(taints, policy.Spec.Taints, now);
            }

            if (ConditionsMatch(cluster.Status.Conditions, policy.Spec.RemoveOnConditions))
            {
                RemoveTaints(taints, policy.Spec.Taints);
            }
        }

        return taints;
    }

    /// <summary>Whether the policy watches the cluster: no targetClusters means every cluster.</summary>
    public static bool Targets(ClusterTaintPolicy policy, ClusterV1Alpha1.Cluster cluster)
    {
        ArgumentNullException.ThrowIfNull(policy);
        ArgumentNullException.ThrowIfNull(cluster);
        return policy.Spec.TargetClusters is null || ClusterAffinityMatcher.Matches(cluster, policy.Spec.TargetClusters);
    }

    /// <summary>
    /// Upstream's <c>conditionMatches</c>: every match condition (ANDed) must find a cluster condition of its type whose
    /// status is (In) or is not (NotIn) among the values. An empty list never matches, so a policy without
    /// removeOnConditions never removes; a condition type the cluster does not report does not match either operator.
    /// </summary>
    public static bool ConditionsMatch(IReadOnlyList<Condition> conditions, IReadOnlyList<MatchCondition> matchConditions)
    {
        ArgumentNullException.ThrowIfNull(conditions);
        ArgumentNullException.ThrowIfNull(matchConditions);
        if (matchConditions.Count == 0)
        {
            return false;
        }

        foreach (var match in matchConditions)
        {
            var condition = conditions.FirstOrDefault(c => c.Type == match.ConditionType);
            if (condition is null)
            {
                return false;
            }

            var listed = match.StatusValues.Contains(condition.Status);
            var ok = match.Operator switch
            {
                MatchConditionOperator.In => listed,
                MatchConditionOperator.NotIn => !listed,
                _ => false,
            };
            if (!ok)
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Adds the taints whose key and effect are not there yet, stamped <paramref name="now"/>; returns whether any was added.</summary>
    public static bool AddTaints(List<CoreTaint> taints, IReadOnlyList<PolicyTaint> policyTaints, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(taints);
        ArgumentNullException.ThrowIfNull(policyTaints);
        var added = false;
        foreach (var taint in policyTaints)
        {
            if (!taints.Exists(t => SameTaint(t, taint)))
            {
                // metav1.Time has whole seconds on the wire: keep the in-memory value equal to what is stored.
                var stamp = DateTimeOffset.FromUnixTimeSeconds(now.ToUnixTimeSeconds());
                taints.Add(new CoreTaint { Key = taint.Key, Value = taint.Value, Effect = taint.Effect, TimeAdded = stamp });
                added = true;
            }
        }

        return added;
    }

    /// <summary>Removes the taints with the same key and effect; returns whether any was removed.</summary>
    public static bool RemoveTaints(List<CoreTaint> taints, IReadOnlyList<PolicyTaint> policyTaints)
    {
        ArgumentNullException.ThrowIfNull(taints);
        ArgumentNullException.ThrowIfNull(policyTaints);
        var removed = false;
        foreach (var taint in policyTaints)
        {
            var index = taints.FindIndex(t => SameTaint(t, taint));
            if (index >= 0)
            {
                taints.RemoveAt(index);
                removed = true;
            }
        }

        return removed;
    }

    /// <summary>Whether two taint lists are the same, in order, by key, value, effect and time added.</summary>
    public static bool SameTaints(IReadOnlyList<CoreTaint> a, IReadOnlyList<CoreTaint> b)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        return a.Count == b.Count && a.Zip(b).All(p =>
            p.First.Key == p.Second.Key
            && (p.First.Value ?? "") == (p.Second.Value ?? "")
            && p.First.Effect == p.Second.Effect
            && p.First.TimeAdded == p.Second.TimeAdded);
    }

    /// <summary>Oldest first; the name breaks ties (upstream's sort is not stable, ours is deterministic).</summary>
    public static IEnumerable<ClusterTaintPolicy> InEvaluationOrder(IEnumerable<ClusterTaintPolicy> policies) =>
        policies
            .OrderBy(p => p.Metadata.CreationTimestamp ?? DateTimeOffset.MinValue)
            .ThenBy(p => p.Metadata.Name, StringComparer.Ordinal);

    private static bool SameTaint(CoreTaint clusterTaint, PolicyTaint policyTaint) =>
        clusterTaint.Key == policyTaint.Key && clusterTaint.Effect == policyTaint.Effect;
}
