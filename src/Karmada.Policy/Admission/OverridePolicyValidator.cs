using Karmada.Api.Policy.V1Alpha1;

namespace Karmada.Policy.Admission;

/// <summary>
/// The validating admission rules of OverridePolicy and ClusterOverridePolicy (upstream <c>ValidateOverrideSpec</c>):
/// overrideRules cannot be combined with the deprecated targetCluster/overriders, label and annotation values must be
/// valid, image predicate paths, field paths and sub-paths must be JSON pointers, a field overrider takes JSON or YAML
/// operations but not both, and a sub-patch value is required for add/replace and forbidden for remove.
/// </summary>
public static class OverridePolicyValidator
{
    /// <summary>Validates an OverridePolicy.</summary>
    public static IReadOnlyList<FieldError> Validate(OverridePolicy policy)
    {
        ArgumentNullException.ThrowIfNull(policy);
        return PolicySpecValidation.ValidateOverrideSpec(policy.Spec);
    }

    /// <summary>Validates a ClusterOverridePolicy.</summary>
    public static IReadOnlyList<FieldError> Validate(ClusterOverridePolicy policy)
    {
        ArgumentNullException.ThrowIfNull(policy);
        return PolicySpecValidation.ValidateOverrideSpec(policy.Spec);
    }
}
