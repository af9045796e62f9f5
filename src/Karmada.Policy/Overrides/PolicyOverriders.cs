using Karmada.Api.Policy.V1Alpha1;

namespace Karmada.Policy.Overrides;

/// <summary>The overriders of one matching rule, with the policy they come from (upstream <c>policyOverriders</c>).</summary>
/// <param name="PolicyName">Name of the OverridePolicy or ClusterOverridePolicy.</param>
/// <param name="PolicyNamespace">Namespace of the policy; empty for a ClusterOverridePolicy.</param>
/// <param name="Overriders">The rule's overriders.</param>
public sealed record PolicyOverriders(string PolicyName, string PolicyNamespace, Overriders Overriders);
