using Karmada.Api.Meta;

namespace Karmada.Policy.Selection;

/// <summary>
/// <c>metav1.LabelSelectorAsSelector(...).Matches(labels)</c>: a nil selector matches nothing, an empty one everything.
/// A selector that apimachinery would refuse to convert (In/NotIn without values, Exists/DoesNotExist with values)
/// matches nothing, as every caller upstream treats the conversion error as a mismatch.
/// </summary>
public static class LabelSelectorMatcher
{
    public static bool Matches(LabelSelector? selector, IReadOnlyDictionary<string, string>? labels)
    {
        if (selector is null || !IsConvertible(selector))
        {
            return false;
        }

        foreach (var (key, value) in selector.MatchLabels)
        {
            if (labels is null || !labels.TryGetValue(key, out var actual) || actual != value)
            {
                return false;
            }
        }

        foreach (var requirement in selector.MatchExpressions)
        {
            string? actual = null;
            var has = labels is not null && labels.TryGetValue(requirement.Key, out actual);
            var ok = requirement.Operator switch
            {
                LabelSelectorOperator.In => has && requirement.Values.Contains(actual!),
                LabelSelectorOperator.NotIn => !has || !requirement.Values.Contains(actual!),
                LabelSelectorOperator.Exists => has,
                LabelSelectorOperator.DoesNotExist => !has,
                _ => false,
            };
            if (!ok)
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Whether <c>LabelSelectorAsSelector</c> would accept the selector's requirement shapes.</summary>
    public static bool IsConvertible(LabelSelector selector)
    {
        ArgumentNullException.ThrowIfNull(selector);
        foreach (var requirement in selector.MatchExpressions)
        {
            var valid = requirement.Operator switch
            {
                LabelSelectorOperator.In or LabelSelectorOperator.NotIn => requirement.Values.Count > 0,
                LabelSelectorOperator.Exists or LabelSelectorOperator.DoesNotExist => requirement.Values.Count == 0,
                _ => false,
            };
            if (!valid)
            {
                return false;
            }
        }

        return true;
    }
}
