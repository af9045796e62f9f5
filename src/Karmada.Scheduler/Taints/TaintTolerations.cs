using Karmada.Api.Core;

namespace Karmada.Scheduler.Taints;

/// <summary>
/// Taint and toleration matching as Kubernetes' <c>corev1</c> helpers and Karmada's <c>helper/taint.go</c> do it.
/// </summary>
public static class TaintTolerations
{
    /// <summary>
    /// Kubernetes' <c>Toleration.ToleratesTaint</c>: an empty effect or key matches any; the operator is Equal
    /// (also when unset) comparing values, or Exists; any other operator tolerates nothing.
    /// </summary>
    public static bool ToleratesTaint(Toleration toleration, Taint taint)
    {
        ArgumentNullException.ThrowIfNull(toleration);
        ArgumentNullException.ThrowIfNull(taint);
        if (toleration.Effect is { } effect && effect != taint.Effect)
        {
            return false;
        }

        if (!string.IsNullOrEmpty(toleration.Key) && toleration.Key != taint.Key)
        {
            return false;
        }

        return toleration.Operator switch
        {
            null or TolerationOperator.Equal => (toleration.Value ?? "") == (taint.Value ?? ""),
            TolerationOperator.Exists => true,
            _ => false,
        };
    }

    /// <summary>Whether any toleration tolerates the taint.</summary>
    public static bool TolerationsTolerateTaint(IReadOnlyList<Toleration> tolerations, Taint taint)
    {
        ArgumentNullException.ThrowIfNull(tolerations);
        foreach (var toleration in tolerations)
        {
            if (ToleratesTaint(toleration, taint))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// The first taint accepted by <paramref name="filter"/> that no toleration tolerates, or null
    /// (<c>v1helper.FindMatchingUntoleratedTaint</c>).
    /// </summary>
    public static Taint? FindMatchingUntoleratedTaint(IReadOnlyList<Taint> taints, IReadOnlyList<Toleration> tolerations, Func<Taint, bool> filter)
    {
        ArgumentNullException.ThrowIfNull(taints);
        ArgumentNullException.ThrowIfNull(filter);
        foreach (var taint in taints)
        {
            if (filter(taint) && !TolerationsTolerateTaint(tolerations, taint))
            {
                return taint;
            }
        }

        return null;
    }

    /// <summary>Kubernetes' <c>Taint.ToString</c>: <c>key=value:Effect</c>, or <c>key:Effect</c> without a value.</summary>
    public static string Format(Taint taint)
    {
        ArgumentNullException.ThrowIfNull(taint);
        return string.IsNullOrEmpty(taint.Value) ? $"{taint.Key}:{taint.Effect}" : $"{taint.Key}={taint.Value}:{taint.Effect}";
    }

    /// <summary>Whether a taint with the same key and effect is in the list (<c>Taint.MatchTaint</c>).</summary>
    public static bool TaintExists(IReadOnlyList<Taint> taints, Taint taintToFind)
    {
        ArgumentNullException.ThrowIfNull(taints);
        ArgumentNullException.ThrowIfNull(taintToFind);
        return taints.Any(t => t.Key == taintToFind.Key && t.Effect == taintToFind.Effect);
    }

    /// <summary>Whether a toleration with the same key, effect, operator and value is in the list (<c>MatchToleration</c>).</summary>
    public static bool TolerationExists(IReadOnlyList<Toleration> tolerations, Toleration tolerationToFind)
    {
        ArgumentNullException.ThrowIfNull(tolerations);
        ArgumentNullException.ThrowIfNull(tolerationToFind);
        return tolerations.Any(t => (t.Key ?? "") == (tolerationToFind.Key ?? "")
            && t.Effect == tolerationToFind.Effect
            && t.Operator == tolerationToFind.Operator
            && (t.Value ?? "") == (tolerationToFind.Value ?? ""));
    }

    /// <summary>Whether any taint has the NoExecute effect.</summary>
    public static bool HasNoExecuteTaints(IReadOnlyList<Taint> taints)
    {
        ArgumentNullException.ThrowIfNull(taints);
        return taints.Any(t => t.Effect == TaintEffect.NoExecute);
    }

    /// <summary>The NoExecute taints, in order.</summary>
    public static IReadOnlyList<Taint> GetNoExecuteTaints(IReadOnlyList<Taint> taints)
    {
        ArgumentNullException.ThrowIfNull(taints);
        return [.. taints.Where(t => t.Effect == TaintEffect.NoExecute)];
    }

    /// <summary>
    /// Whether every taint is tolerated, and the first tolerating toleration of each taint; an untolerated taint
    /// yields (false, empty).
    /// </summary>
    public static (bool Tolerated, IReadOnlyList<Toleration> MatchingTolerations) GetMatchingTolerations(
        IReadOnlyList<Taint> taints, IReadOnlyList<Toleration> tolerations)
    {
        ArgumentNullException.ThrowIfNull(taints);
        ArgumentNullException.ThrowIfNull(tolerations);
        if (taints.Count == 0)
        {
            return (true, []);
        }

        var result = new List<Toleration>(taints.Count);
        foreach (var taint in taints)
        {
            var match = tolerations.FirstOrDefault(t => ToleratesTaint(t, taint));
            if (match is null)
            {
                return (false, []);
            }

            result.Add(match);
        }

        return (true, result);
    }
}
