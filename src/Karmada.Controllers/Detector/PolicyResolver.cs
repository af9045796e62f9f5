using System.Text.Json.Nodes;
using Karmada.Api.Policy.V1Alpha1;
using Karmada.Policy.Propagation;
using Karmada.Policy.Selection;

namespace Karmada.Controllers.Detector;

/// <summary>
/// Decides which policy a resource template belongs to (upstream <c>propagateResource</c> and <c>preemption.go</c>,
/// made level-triggered): a template keeps the policy that claimed it while that policy exists and still selects it,
/// unless a policy with <c>preemption: Always</c> may take it over — a PropagationPolicy of higher priority from a
/// PropagationPolicy, any PropagationPolicy from a ClusterPropagationPolicy, a ClusterPropagationPolicy of higher
/// priority from a ClusterPropagationPolicy. An unclaimed template gets the best matching policy
/// (<see cref="PropagationPolicyMatcher.FindMatchedPolicy"/>).
/// </summary>
public static class PolicyResolver
{
    /// <summary>The decision for <paramref name="template"/> given every PropagationPolicy and ClusterPropagationPolicy.</summary>
    public static PolicyDecision Resolve(
        JsonObject template,
        IReadOnlyCollection<PropagationPolicy> propagationPolicies,
        IReadOnlyCollection<ClusterPropagationPolicy> clusterPropagationPolicies,
        bool preemptionEnabled)
    {
        ArgumentNullException.ThrowIfNull(template);
        ArgumentNullException.ThrowIfNull(propagationPolicies);
        ArgumentNullException.ThrowIfNull(clusterPropagationPolicies);
        var templateNamespace = TemplateFields.Namespace(template);
        var claim = ClaimMetadata.ReadClaim(template);
        if (claim is { IsCluster: false })
        {
            var claimed = propagationPolicies.FirstOrDefault(p => p.Metadata.Namespace == claim.Namespace && p.Metadata.Name == claim.Name);
            if (claimed is null || !ResourceSelectorMatcher.ResourceMatchSelectors(template, claimed.Spec.ResourceSelectors))
            {
                return PolicyDecision.Release(claim);
            }

            if (claimed.Metadata.DeletionTimestamp is not null)
            {
                return PolicyDecision.Wait;
            }

            if (preemptionEnabled)
            {
                var priority = claimed.Spec.Priority ?? 0;
                var preemptor = PropagationPolicyMatcher.GetHighestPriorityPropagationPolicy(
                    Preemptors(propagationPolicies, templateNamespace).Where(p => (p.Spec.Priority ?? 0) > priority && p.Metadata.Name != claimed.Metadata.Name),
                    template);
                if (preemptor is not null)
                {
                    return PolicyDecision.Apply(preemptor);
                }
            }

            return PolicyDecision.Apply(claimed);
        }

        if (claim is { IsCluster: true })
        {
            var claimed = clusterPropagationPolicies.FirstOrDefault(p => p.Metadata.Name == claim.Name);
            if (claimed is null || !ResourceSelectorMatcher.ResourceMatchSelectors(template, claimed.Spec.ResourceSelectors))
            {
                return PolicyDecision.Release(claim);
            }

            if (claimed.Metadata.DeletionTimestamp is not null)
            {
                return PolicyDecision.Wait;
            }

            if (preemptionEnabled)
            {
                if (templateNamespace.Length > 0
                    && PropagationPolicyMatcher.GetHighestPriorityPropagationPolicy(Preemptors(propagationPolicies, templateNamespace), template) is { } policy)
                {
                    return PolicyDecision.Apply(policy);
                }

                var priority = claimed.Spec.Priority ?? 0;
                var preemptor = PropagationPolicyMatcher.GetHighestPriorityClusterPropagationPolicy(
                    clusterPropagationPolicies.Where(p => IsPreemptor(p.Metadata.DeletionTimestamp, p.Spec)
                        && (p.Spec.Priority ?? 0) > priority
                        && p.Metadata.Name != claimed.Metadata.Name),
                    template);
                if (preemptor is not null)
                {
                    return PolicyDecision.Apply(preemptor);
                }
            }

            return PolicyDecision.Apply(claimed);
        }

        return PropagationPolicyMatcher.FindMatchedPolicy(template, propagationPolicies, clusterPropagationPolicies) switch
        {
            { PropagationPolicy: { } policy } => PolicyDecision.Apply(policy),
            { ClusterPropagationPolicy: { } clusterPolicy } => PolicyDecision.Apply(clusterPolicy),
            _ => PolicyDecision.NoMatch,
        };
    }

    private static IEnumerable<PropagationPolicy> Preemptors(IEnumerable<PropagationPolicy> policies, string templateNamespace) =>
        policies.Where(p => p.Metadata.Namespace == templateNamespace && IsPreemptor(p.Metadata.DeletionTimestamp, p.Spec));

    private static bool IsPreemptor(DateTimeOffset? deletionTimestamp, PropagationSpec spec) =>
        deletionTimestamp is null && spec.Preemption == PreemptionBehavior.Always;
}
