using Karmada.Api.Meta;
using Karmada.Api.WellKnown;
using Karmada.Api.Work.V1Alpha2;

namespace Karmada.Scheduler.Service;

/// <summary>Which binding events reach the queue (upstream's <c>resourceBindingEventFilter</c> and update handler).</summary>
public static class BindingEventFilter
{
    /// <summary>
    /// Whether this scheduler owns the binding: its <c>spec.schedulerName</c> is ours (empty means the default
    /// scheduler), scheduling is not suspended, and a policy or a controller manages it (one of the permanent-id or
    /// managed-by labels is set), as upstream requires.
    /// </summary>
    public static bool IsResponsible(string schedulerName, ObjectMeta metadata, ResourceBindingSpec spec)
    {
        ArgumentNullException.ThrowIfNull(metadata);
        ArgumentNullException.ThrowIfNull(spec);
        return IsOurScheduler(schedulerName, spec.SchedulerName)
            && spec.Suspension?.Scheduling != true
            && (HasLabel(metadata, WellKnownLabels.PropagationPolicyPermanentId)
                || HasLabel(metadata, WellKnownLabels.ClusterPropagationPolicyPermanentId)
                || HasLabel(metadata, WellKnownLabels.BindingManagedBy));
    }

    /// <summary>Upstream's <c>schedulerNameFilter</c>: an empty name is the default scheduler.</summary>
    public static bool IsOurScheduler(string schedulerName, string? bindingSchedulerName) =>
        string.Equals(schedulerName, string.IsNullOrEmpty(bindingSchedulerName) ? SchedulerServiceOptions.DefaultSchedulerName : bindingSchedulerName, StringComparison.Ordinal);

    /// <summary>
    /// Only spec changes (a new generation) are worth a look: status updates, including the scheduler's own, must not
    /// cause a reschedule.
    /// </summary>
    public static bool IsSpecChange(ObjectMeta oldMetadata, ObjectMeta newMetadata)
    {
        ArgumentNullException.ThrowIfNull(oldMetadata);
        ArgumentNullException.ThrowIfNull(newMetadata);
        return oldMetadata.Generation != newMetadata.Generation;
    }

    private static bool HasLabel(ObjectMeta metadata, string label) =>
        metadata.Labels.TryGetValue(label, out var value) && !string.IsNullOrEmpty(value);
}
