using Karmada.Api.Core;

namespace Karmada.Policy.Admission;

/// <summary>Upstream <c>lifted.ValidateClusterTaints</c>: key and value syntax, effect NoSchedule or NoExecute, unique (key, effect).</summary>
internal static class ClusterTaintValidation
{
    private static readonly string[] SupportedEffects = ["NoSchedule", "NoExecute"];

    public static List<FieldError> Validate(IReadOnlyList<(string Key, string? Value, TaintEffect Effect, object Taint)> taints, FieldPath path)
    {
        var errors = new List<FieldError>();
        var unique = new HashSet<(TaintEffect, string)>();
        for (var i = 0; i < taints.Count; i++)
        {
            var (key, value, effect, taint) = taints[i];
            var index = path.Index(i);
            errors.AddRange(KubeValidation.ValidateLabelName(key, index.Child("key")));
            var valueErrors = KubeValidation.IsValidLabelValue(value ?? "");
            if (valueErrors.Count > 0)
            {
                errors.Add(index.Child("value").Invalid(value ?? "", string.Join(";", valueErrors)));
            }

            if (effect is not (TaintEffect.NoSchedule or TaintEffect.NoExecute))
            {
                errors.Add(index.Child("effect").NotSupported(effect.ToString(), SupportedEffects));
            }

            if (!unique.Add((effect, key)))
            {
                errors.Add(index.Duplicate(taint, "taints must be unique by key and effect pair"));
            }
        }

        return errors;
    }
}
