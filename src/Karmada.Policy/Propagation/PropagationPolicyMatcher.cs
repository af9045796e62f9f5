using System.Text.Json.Nodes;
using Karmada.Api.Policy.V1Alpha1;
using Karmada.Policy.Selection;

namespace Karmada.Policy.Propagation;

/// <summary>
/// Chooses the PropagationPolicy or ClusterPropagationPolicy that claims a resource template (upstream
/// <c>pkg/detector/compare.go</c> and the lookup part of <c>pkg/detector/policy.go</c>): the higher explicit
/// <c>spec.priority</c> wins, then the higher implicit priority, then the lexicographically smaller name. A
/// PropagationPolicy in the template's namespace always beats any ClusterPropagationPolicy.
/// </summary>
public static class PropagationPolicyMatcher
{
    /// <summary>Name tie-break: a nil <paramref name="a"/> loses, otherwise the smaller name wins (<c>b</c> on equal names).</summary>
    public static PropagationPolicy GetHigherPriorityPropagationPolicy(PropagationPolicy? a, PropagationPolicy b)
    {
        ArgumentNullException.ThrowIfNull(b);
        return a is not null && string.CompareOrdinal(a.Metadata.Name ?? "", b.Metadata.Name ?? "") < 0 ? a : b;
    }

    /// <summary>Name tie-break: a nil <paramref name="a"/> loses, otherwise the smaller name wins (<c>b</c> on equal names).</summary>
    public static ClusterPropagationPolicy GetHigherPriorityClusterPropagationPolicy(ClusterPropagationPolicy? a, ClusterPropagationPolicy b)
    {
        ArgumentNullException.ThrowIfNull(b);
        return a is not null && string.CompareOrdinal(a.Metadata.Name ?? "", b.Metadata.Name ?? "") < 0 ? a : b;
    }

    /// <summary>The best matching PropagationPolicy among <paramref name="policies"/>, or null when none matches.</summary>
    public static PropagationPolicy? GetHighestPriorityPropagationPolicy(IEnumerable<PropagationPolicy> policies, JsonObject resource) =>
        GetHighest(policies, resource, p => p.Spec, GetHigherPriorityPropagationPolicy);

    /// <summary>The best matching ClusterPropagationPolicy among <paramref name="policies"/>, or null when none matches.</summary>
    public static ClusterPropagationPolicy? GetHighestPriorityClusterPropagationPolicy(IEnumerable<ClusterPropagationPolicy> policies, JsonObject resource) =>
        GetHighest(policies, resource, p => p.Spec, GetHigherPriorityClusterPropagationPolicy);

    /// <summary>
    /// The detector's <c>LookForMatchedPolicy</c> over the given store contents: null for cluster-scoped objects;
    /// otherwise the best PropagationPolicy of the object's namespace that is not being deleted.
    /// </summary>
    public static PropagationPolicy? LookForMatchedPolicy(JsonObject obj, IEnumerable<PropagationPolicy> policies)
    {
        ArgumentNullException.ThrowIfNull(policies);
        var ns = UnstructuredFields.GetNamespace(obj);
        if (ns.Length == 0)
        {
            return null;
        }

        var candidates = policies.Where(p => (p.Metadata.Namespace ?? "") == ns && p.Metadata.DeletionTimestamp is null);
        return GetHighestPriorityPropagationPolicy(candidates, obj);
    }

    /// <summary>The detector's <c>LookForMatchedClusterPolicy</c>: the best ClusterPropagationPolicy not being deleted.</summary>
    public static ClusterPropagationPolicy? LookForMatchedClusterPolicy(JsonObject obj, IEnumerable<ClusterPropagationPolicy> policies)
    {
        ArgumentNullException.ThrowIfNull(policies);
        return GetHighestPriorityClusterPropagationPolicy(policies.Where(p => p.Metadata.DeletionTimestamp is null), obj);
    }

    /// <summary>
    /// The policy that claims <paramref name="obj"/>: a PropagationPolicy of its namespace when one matches, otherwise
    /// a ClusterPropagationPolicy; null when neither matches.
    /// </summary>
    public static MatchedPolicy? FindMatchedPolicy(
        JsonObject obj,
        IEnumerable<PropagationPolicy> propagationPolicies,
        IEnumerable<ClusterPropagationPolicy> clusterPropagationPolicies)
    {
        if (LookForMatchedPolicy(obj, propagationPolicies) is { } policy)
        {
            return new MatchedPolicy(policy, null);
        }

        return LookForMatchedClusterPolicy(obj, clusterPropagationPolicies) is { } clusterPolicy
            ? new MatchedPolicy(null, clusterPolicy)
            : null;
    }

    private static T? GetHighest<T>(
        IEnumerable<T> policies,
        JsonObject resource,
        Func<T, PropagationSpec> spec,
        Func<T?, T, T> tieBreak)
        where T : class
    {
        ArgumentNullException.ThrowIfNull(policies);
        ArgumentNullException.ThrowIfNull(resource);
        var matchedImplicit = ImplicitPriority.MisMatch;
        var matchedExplicit = int.MinValue;
        T? matched = null;
        foreach (var policy in policies)
        {
            var implicitPriority = ResourceSelectorMatcher.ResourceMatchSelectorsPriority(resource, spec(policy).ResourceSelectors);
            if (implicitPriority <= ImplicitPriority.MisMatch)
            {
                continue;
            }

            var explicitPriority = spec(policy).Priority ?? 0;
            if (matchedExplicit < explicitPriority)
            {
                matchedImplicit = implicitPriority;
                matchedExplicit = explicitPriority;
                matched = policy;
                continue;
            }

            if (matchedExplicit == explicitPriority)
            {
                if (implicitPriority > matchedImplicit)
                {
                    matchedImplicit = implicitPriority;
                    matched = policy;
                }
                else if (implicitPriority == matchedImplicit)
                {
                    matched = tieBreak(matched, policy);
                }
            }
        }

        return matched;
    }
}
