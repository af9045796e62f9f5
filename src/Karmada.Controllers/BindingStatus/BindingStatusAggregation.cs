using System.Text.Json.Nodes;
using Karmada.Api;
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

    private static bool SameItems(List<WorkV1Alpha2.AggregatedStatusItem> current, List<WorkV1Alpha2.AggregatedStatusItem> desired) =>
        current.Count == desired.Count
        && JsonNode.DeepEquals(KarmadaJson.SerializeToNode(current), KarmadaJson.SerializeToNode(desired));
}
