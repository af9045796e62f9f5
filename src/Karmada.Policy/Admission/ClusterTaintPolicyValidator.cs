using Karmada.Api.Core;
using Karmada.Api.Policy.V1Alpha1;

namespace Karmada.Policy.Admission;

/// <summary>
/// The validating admission rules of ClusterTaintPolicy: a valid targetClusters field selector, at least one taint,
/// valid and unique taints, complete match conditions, and no NoExecute taints unless the webhook runs with
/// <c>--allow-no-execute-taint-policy</c>.
/// </summary>
public static class ClusterTaintPolicyValidator
{
    /// <summary>Validates the policy; <paramref name="allowNoExecuteTaintPolicy"/> mirrors the webhook flag.</summary>
    public static IReadOnlyList<FieldError> Validate(ClusterTaintPolicy policy, bool allowNoExecuteTaintPolicy = false)
    {
        ArgumentNullException.ThrowIfNull(policy);
        var spec = FieldPath.Root("spec");
        var errors = new List<FieldError>();
        errors.AddRange(PolicySpecValidation.ValidateClusterAffinity(policy.Spec.TargetClusters, spec.Child("targetClusters")));
        errors.AddRange(ValidateConditions(policy.Spec.AddOnConditions, spec.Child("addOnConditions")));
        errors.AddRange(ValidateConditions(policy.Spec.RemoveOnConditions, spec.Child("removeOnConditions")));

        var taints = spec.Child("taints");
        if (policy.Spec.Taints.Count == 0)
        {
            errors.Add(taints.Required());
        }

        errors.AddRange(ClusterTaintValidation.Validate(
            policy.Spec.Taints.Select(t => (t.Key, t.Value, t.Effect, (object)t)).ToList(), taints));
        if (!allowNoExecuteTaintPolicy)
        {
            for (var i = 0; i < policy.Spec.Taints.Count; i++)
            {
                if (policy.Spec.Taints[i].Effect == TaintEffect.NoExecute)
                {
                    errors.Add(taints.Index(i).Child("effect").Forbidden(
                        "ClusterTaintPolicy with NoExecute effect taints is not allowed, the karmada-webhook must run with --allow-no-execute-taint-policy to permit it"));
                }
            }
        }

        return errors;
    }

    private static List<FieldError> ValidateConditions(List<MatchCondition> conditions, FieldPath path)
    {
        var errors = new List<FieldError>();
        for (var i = 0; i < conditions.Count; i++)
        {
            if (conditions[i].ConditionType.Length == 0)
            {
                errors.Add(path.Index(i).Child("conditionType").Required());
            }

            if (conditions[i].StatusValues.Count == 0)
            {
                errors.Add(path.Index(i).Child("statusValues").Required());
            }
        }

        return errors;
    }
}
