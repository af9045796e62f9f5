using Karmada.Api.Policy.V1Alpha1;

namespace Karmada.Policy.Overrides;

/// <summary>One applied rule as recorded on a Work (upstream <c>OverridePolicyShadow</c>).</summary>
/// <param name="PolicyName">Name of the policy.</param>
/// <param name="Overriders">The overriders that were applied.</param>
public sealed record OverridePolicyShadow(string PolicyName, Overriders Overriders);
