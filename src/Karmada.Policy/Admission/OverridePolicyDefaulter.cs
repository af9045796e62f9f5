using Karmada.Api.Policy.V1Alpha1;

namespace Karmada.Policy.Admission;

/// <summary>The OverridePolicy mutating webhook rule: resource selectors without a namespace get the policy's namespace.</summary>
public static class OverridePolicyDefaulter
{
    /// <summary>Applies the defaults in place.</summary>
    public static void Default(OverridePolicy policy)
    {
        ArgumentNullException.ThrowIfNull(policy);
        foreach (var selector in policy.Spec.ResourceSelectors)
        {
            if (string.IsNullOrEmpty(selector.Namespace))
            {
                selector.Namespace = policy.Metadata.Namespace;
            }
        }
    }
}
