using Karmada.Api.Policy.V1Alpha1;
using WorkV1Alpha2 = Karmada.Api.Work.V1Alpha2;

namespace Karmada.Controllers.Binding;

/// <summary>
/// Which bindings an override policy change may affect, judged from the binding's resource reference alone so event
/// handlers never fetch templates. It over-approximates (a label selector is assumed to match); a binding reconciled
/// for nothing writes nothing.
/// </summary>
public static class OverridePolicyImpact
{
    /// <summary>
    /// Whether a policy with <paramref name="selectors"/> may apply to <paramref name="resource"/>.
    /// <paramref name="policyNamespace"/> is the namespace of an OverridePolicy (it only applies there), null for a
    /// ClusterOverridePolicy. No selectors select everything.
    /// </summary>
    public static bool MayAffect(IReadOnlyList<ResourceSelector> selectors, string? policyNamespace, WorkV1Alpha2.ObjectReference resource)
    {
        ArgumentNullException.ThrowIfNull(selectors);
        ArgumentNullException.ThrowIfNull(resource);
        if (policyNamespace is not null && (resource.Namespace ?? "") != policyNamespace)
        {
            return false;
        }

        return selectors.Count == 0 || selectors.Any(s =>
            s.ApiVersion == resource.ApiVersion
            && s.Kind == resource.Kind
            && (string.IsNullOrEmpty(s.Namespace) || s.Namespace == resource.Namespace)
            && (string.IsNullOrEmpty(s.Name) || s.Name == resource.Name));
    }
}
