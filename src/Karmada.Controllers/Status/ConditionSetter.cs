using Karmada.Api.Meta;

namespace Karmada.Controllers.Status;

/// <summary>apimachinery's <c>meta.SetStatusCondition</c>: the transition time only moves when the status changes.</summary>
public static class ConditionSetter
{
    /// <summary>Sets <paramref name="condition"/> in <paramref name="conditions"/>; returns whether anything changed.</summary>
    public static bool Set(List<Condition> conditions, Condition condition, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(conditions);
        ArgumentNullException.ThrowIfNull(condition);
        var existing = conditions.Find(c => c.Type == condition.Type);
        if (existing is null)
        {
            condition.LastTransitionTime ??= now;
            conditions.Add(condition);
            return true;
        }

        var changed = false;
        if (existing.Status != condition.Status)
        {
            existing.Status = condition.Status;
            existing.LastTransitionTime = condition.LastTransitionTime ?? now;
            changed = true;
        }

        if (existing.Reason != condition.Reason)
        {
            existing.Reason = condition.Reason;
            changed = true;
        }

        if (existing.Message != condition.Message)
        {
            existing.Message = condition.Message;
            changed = true;
        }

        if (existing.ObservedGeneration != condition.ObservedGeneration)
        {
            existing.ObservedGeneration = condition.ObservedGeneration;
            changed = true;
        }

        return changed;
    }
}
