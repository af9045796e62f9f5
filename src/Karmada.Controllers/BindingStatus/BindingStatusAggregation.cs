using System.Text.Json.Nodes;
using Karmada.Api;
using Karmada.Api.Meta;
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
        var result = Compute(status, spec, works, now);
        status.AggregatedStatus = result.AggregatedStatus;
        status.Conditions = result.Conditions;
        return result.Changed;
    }

    /// <summary>
    /// What <see cref="Apply"/> would make of <paramref name="current"/>, which is left untouched: the aggregated items
    /// (the current list itself when unchanged) and a copy of the conditions with FullyApplied set. A binding over
    /// 1,000 clusters had its whole status deep-copied on every sync only to find, mostly, nothing to write.
    /// </summary>
    public static AggregationResult Compute(
        WorkV1Alpha2.ResourceBindingStatus current,
        WorkV1Alpha2.ResourceBindingSpec spec,
        IEnumerable<WorkV1Alpha1.Work> works,
        DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(current);
        ArgumentNullException.ThrowIfNull(spec);
        var aggregated = WorkStatusAssembler.Assemble(works, spec.Resource);
        var itemsChanged = !SameItems(current.AggregatedStatus, aggregated);
        var conditions = current.Conditions.DeepClone();
        var conditionsChanged = ConditionSetter.Set(conditions, FullyAppliedCondition.Generate(spec, aggregated), now);
        return new AggregationResult(itemsChanged ? aggregated : current.AggregatedStatus, conditions, itemsChanged || conditionsChanged);
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

/// <summary>A binding's aggregated items and conditions as its Works say, and whether they differ from its status.</summary>
public sealed record AggregationResult(List<WorkV1Alpha2.AggregatedStatusItem> AggregatedStatus, List<Condition> Conditions, bool Changed);
