using System.Text.Json.Nodes;
using Karmada.Controllers.Status;
using WorkV1Alpha1 = Karmada.Api.Work.V1Alpha1;
using WorkV1Alpha2 = Karmada.Api.Work.V1Alpha2;

namespace Karmada.Controllers.BindingStatus;

/// <summary>
/// A binding's status from its Works (upstream <c>AggregateResourceBindingWorkStatus</c>): <c>aggregatedStatus</c>
/// replaced by the assembled items and the <c>FullyApplied</c> condition set, its transition time moving only when
/// its status flips.
/// </summary>
public static class BindingStatusAggregation
{
    /// <summary>Updates <paramref name="status"/> in place; returns whether anything changed.</summary>
    public static bool Apply(
        WorkV1Alpha2.ResourceBindingStatus status,
        WorkV1Alpha2.ResourceBindingSpec spec,
        IEnumerable<WorkV1Alpha1.Work> works,
        DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(status);
        ArgumentNullException.ThrowIfNull(spec);
        var aggregated = WorkStatusAssembler.Assemble(works, spec.Resource);
        var changed = !SameItems(status.AggregatedStatus, aggregated);
        if (changed)
        {
            status.AggregatedStatus = aggregated;
        }

        var condition = FullyAppliedCondition.Generate(spec, aggregated);
        return ConditionSetter.Set(status.Conditions, condition, now) || changed;
    }

    /// <summary>
    /// Item by item, each reflected status compared as a tree: a binding over 1,000 clusters compared its whole list
    /// serialized to two JSON trees on every sync.
    /// </summary>
    public static bool SameItems(IReadOnlyList<WorkV1Alpha2.AggregatedStatusItem> current, IReadOnlyList<WorkV1Alpha2.AggregatedStatusItem> desired)
    {
        ArgumentNullException.ThrowIfNull(current);
        ArgumentNullException.ThrowIfNull(desired);
        if (current.Count != desired.Count)
        {
            return false;
        }

        for (var i = 0; i < current.Count; i++)
        {
            var (a, b) = (current[i], desired[i]);
            if (a.ClusterName != b.ClusterName
                || a.Applied != b.Applied
                || a.AppliedMessage != b.AppliedMessage
                || a.Health != b.Health
                || !JsonNode.DeepEquals(a.Status, b.Status))
            {
                return false;
            }
        }

        return true;
    }
}
