using System.Text.Json.Nodes;
using Karmada.Api.Cluster.V1Alpha1;
using Karmada.Api.Policy.V1Alpha1;
using Karmada.Policy.Selection;

namespace Karmada.Policy.Overrides;

/// <summary>
/// Applies OverridePolicies and ClusterOverridePolicies to a resource for one member cluster (upstream
/// <c>overridemanager.go</c>). ClusterOverridePolicies go first, then the OverridePolicies of the resource's
/// namespace (namespaced resources only). Within each kind the matching policies are applied from the least to the
/// most specific (implicit priority, then name), so the most specific one wins.
/// </summary>
public static class OverridePolicyApplier
{
    /// <summary>
    /// Applies the policies to a copy of <paramref name="obj"/> for <paramref name="cluster"/>. The lists are the
    /// store contents; OverridePolicies outside the resource's namespace are ignored.
    /// </summary>
    /// <exception cref="OverrideException">An overrider cannot be applied; nothing is returned in that case, as upstream.</exception>
    public static OverrideResult ApplyOverridePolicies(
        JsonObject obj,
        Cluster cluster,
        IEnumerable<OverridePolicy> overridePolicies,
        IEnumerable<ClusterOverridePolicy> clusterOverridePolicies)
    {
        ArgumentNullException.ThrowIfNull(obj);
        ArgumentNullException.ThrowIfNull(cluster);
        ArgumentNullException.ThrowIfNull(overridePolicies);
        ArgumentNullException.ThrowIfNull(clusterOverridePolicies);
        var result = (JsonObject)obj.DeepClone();

        var clusterApplied = Apply(result, cluster, GetOverridersFromOverridePolicies(clusterOverridePolicies, result, cluster));
        AppliedOverrides? namespacedApplied = null;
        var ns = UnstructuredFields.GetNamespace(result);
        if (ns.Length > 0)
        {
            var inNamespace = overridePolicies.Where(p => (p.Metadata.Namespace ?? "") == ns).ToList();
            namespacedApplied = Apply(result, cluster, GetOverridersFromOverridePolicies(inNamespace, result, cluster));
        }

        return new OverrideResult(result, clusterApplied, namespacedApplied);
    }

    /// <summary>The rules of the OverridePolicies that apply to the resource and cluster, in application order.</summary>
    public static IReadOnlyList<PolicyOverriders> GetOverridersFromOverridePolicies(
        IEnumerable<OverridePolicy> policies, JsonObject resource, Cluster cluster)
    {
        ArgumentNullException.ThrowIfNull(policies);
        return GetOverriders(policies.Select(p => (p.Metadata.Name ?? "", p.Metadata.Namespace ?? "", p.Spec)), resource, cluster);
    }

    /// <summary>The rules of the ClusterOverridePolicies that apply to the resource and cluster, in application order.</summary>
    public static IReadOnlyList<PolicyOverriders> GetOverridersFromOverridePolicies(
        IEnumerable<ClusterOverridePolicy> policies, JsonObject resource, Cluster cluster)
    {
        ArgumentNullException.ThrowIfNull(policies);
        return GetOverriders(policies.Select(p => (p.Metadata.Name ?? "", p.Metadata.Namespace ?? "", p.Spec)), resource, cluster);
    }

    private static List<PolicyOverriders> GetOverriders(
        IEnumerable<(string Name, string Namespace, OverrideSpec Spec)> policies, JsonObject resource, Cluster cluster)
    {
        ArgumentNullException.ThrowIfNull(resource);
        ArgumentNullException.ThrowIfNull(cluster);

        // A policy without resource selectors matches every resource and ranks as a match-all selector.
        var ordered = policies
            .Where(p => p.Spec.ResourceSelectors.Count == 0 || ResourceSelectorMatcher.ResourceMatchSelectors(resource, p.Spec.ResourceSelectors))
            .Select(p => (Policy: p, Priority: p.Spec.ResourceSelectors.Count == 0
                ? ImplicitPriority.MatchAll
                : ResourceSelectorMatcher.ResourceMatchSelectorsPriority(resource, p.Spec.ResourceSelectors)))
            .OrderBy(p => p.Priority)
            .ThenBy(p => p.Policy.Name, StringComparer.Ordinal)
            .Select(p => p.Policy);

        var result = new List<PolicyOverriders>();
        foreach (var (name, ns, spec) in ordered)
        {
            // overrideRules cannot co-exist with the deprecated targetCluster/overriders pair (webhook-enforced).
            var rules = spec.OverrideRules.Count > 0
                ? spec.OverrideRules
                : [new RuleWithCluster { TargetCluster = spec.TargetCluster, Overriders = spec.Overriders }];
            foreach (var rule in rules)
            {
                if (rule.TargetCluster is null || ClusterAffinityMatcher.Matches(cluster, rule.TargetCluster))
                {
                    result.Add(new PolicyOverriders(name, ns, rule.Overriders));
                }
            }
        }

        return result;
    }

    private static AppliedOverrides? Apply(JsonObject obj, Cluster cluster, IReadOnlyList<PolicyOverriders> overriders)
    {
        if (overriders.Count == 0)
        {
            return null;
        }

        var applied = new AppliedOverrides();
        foreach (var item in overriders)
        {
            try
            {
                OverridersApplier.Apply(obj, item.Overriders);
            }
            catch (OverrideException ex)
            {
                var policy = item.PolicyNamespace.Length == 0 ? item.PolicyName : $"{item.PolicyNamespace}/{item.PolicyName}";
                throw new OverrideException($"Apply override policy({policy}) for cluster({cluster.Metadata.Name}) failed: {ex.Message}", ex);
            }

            applied.Add(item.PolicyName, item.Overriders);
        }

        return applied;
    }
}
