using Karmada.Api.Policy.V1Alpha1;

namespace Karmada.Controllers.Detector;

/// <summary>What the detector does with a resource template.</summary>
public enum PolicyDecisionKind
{
    /// <summary>No policy selects it: leave it alone until a policy arrives.</summary>
    NoMatch,

    /// <summary>Its claiming policy is being deleted: the policy's own cleanup releases it.</summary>
    Wait,

    /// <summary>Its claim is stale (the policy is gone or no longer selects it): remove the claim, then match again.</summary>
    Release,

    /// <summary>Claim it for the policy (if not yet) and create or update its binding.</summary>
    Apply,
}

/// <summary>The outcome of <see cref="PolicyResolver.Resolve"/>.</summary>
/// <param name="Kind">What to do.</param>
/// <param name="Policy">The policy to apply, or the stale claim to release; null otherwise.</param>
/// <param name="Spec">The spec of the policy to apply; null unless <see cref="PolicyDecisionKind.Apply"/>.</param>
public sealed record PolicyDecision(PolicyDecisionKind Kind, PolicyReference? Policy = null, PropagationSpec? Spec = null)
{
    public static PolicyDecision NoMatch { get; } = new(PolicyDecisionKind.NoMatch);

    public static PolicyDecision Wait { get; } = new(PolicyDecisionKind.Wait);

    public static PolicyDecision Release(PolicyReference claim) => new(PolicyDecisionKind.Release, claim);

    public static PolicyDecision Apply(PropagationPolicy policy) => new(PolicyDecisionKind.Apply, PolicyReference.Of(policy), policy.Spec);

    public static PolicyDecision Apply(ClusterPropagationPolicy policy) => new(PolicyDecisionKind.Apply, PolicyReference.Of(policy), policy.Spec);
}
