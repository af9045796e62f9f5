using Karmada.Api.Meta;
using Karmada.Api.WellKnown;
using Karmada.Api.Work.V1Alpha2;
using Karmada.Client;
using Karmada.Client.Informers;
using Karmada.Controllers.Runtime;
using PolicyV1Alpha1 = Karmada.Api.Policy.V1Alpha1;
using WorkV1Alpha1 = Karmada.Api.Work.V1Alpha1;

namespace Karmada.Controllers.Binding;

/// <summary>
/// What feeds a binding controller's queue: bindings whose generation, deletion, finalizers or permanent id changed
/// (status writes are ignored, as upstream's GenerationChangedPredicate); bindings an OverridePolicy or
/// ClusterOverridePolicy change may affect (old and new selectors); and the binding of a Work someone deleted, so it
/// is written again.
/// </summary>
public static class BindingEventSources
{
    /// <summary>The sources of one binding kind.</summary>
    public static IReadOnlyList<EventSource> For<TBinding>(
        SharedInformer<TBinding> bindings,
        Func<TBinding, ObjectMeta> metadata,
        Func<TBinding, BindingView> view,
        SharedInformer<PolicyV1Alpha1.OverridePolicy> overridePolicies,
        SharedInformer<PolicyV1Alpha1.ClusterOverridePolicy> clusterOverridePolicies,
        SharedInformer<WorkV1Alpha1.Work> works)
        where TBinding : class
    {
        ArgumentNullException.ThrowIfNull(bindings);
        ArgumentNullException.ThrowIfNull(metadata);
        ArgumentNullException.ThrowIfNull(view);

        IEnumerable<ObjectKey> Affected(IReadOnlyList<PolicyV1Alpha1.ResourceSelector> selectors, string? policyNamespace) =>
            bindings.Indexer.List().Select(view).Where(b => OverridePolicyImpact.MayAffect(selectors, policyNamespace, b.Spec.Resource)).Select(b => b.Key);

        // A Work names its binding in annotations; only keys of this controller's kind are kept.
        IEnumerable<ObjectKey> Owner(WorkV1Alpha1.Work work) =>
            OwnerOf(work) is { } key && bindings.Indexer.Get(key) is not null ? [key] : [];

        return
        [
            EventSource.From(
                bindings,
                onAdd: b => [view(b).Key],
                onUpdate: (old, b) => SpecOrLifecycleChanged(metadata(old), metadata(b)) && !OnlyRequiredByChanged(metadata(old), metadata(b), view(old).Spec, view(b).Spec) ? [view(b).Key] : [],
                onDelete: null),
            EventSource.From(
                overridePolicies,
                onAdd: p => Affected(p.Spec.ResourceSelectors, p.Metadata.Namespace ?? ""),
                onUpdate: (old, p) => Affected(old.Spec.ResourceSelectors, old.Metadata.Namespace ?? "").Concat(Affected(p.Spec.ResourceSelectors, p.Metadata.Namespace ?? "")),
                onDelete: p => Affected(p.Spec.ResourceSelectors, p.Metadata.Namespace ?? "")),
            EventSource.From(
                clusterOverridePolicies,
                onAdd: p => Affected(p.Spec.ResourceSelectors, null),
                onUpdate: (old, p) => Affected(old.Spec.ResourceSelectors, null).Concat(Affected(p.Spec.ResourceSelectors, null)),
                onDelete: p => Affected(p.Spec.ResourceSelectors, null)),
            EventSource.From(works, onAdd: null, onUpdate: null, onDelete: Owner),
        ];
    }

    /// <summary>
    /// Whether a binding update needs a reconcile: spec (generation), deletion or permanent id changed, or the binding
    /// controller's finalizer was removed (to be added again). Other controllers' finalizers are not news: the
    /// dependencies distributor adds its own right after scheduling, and reconciling on it raced the binding's Works
    /// being created from the scheduling event.
    /// </summary>
    public static bool SpecOrLifecycleChanged(ObjectMeta old, ObjectMeta updated)
    {
        ArgumentNullException.ThrowIfNull(old);
        ArgumentNullException.ThrowIfNull(updated);
        return old.Generation != updated.Generation || LifecycleChanged(old, updated);
    }

    private static bool LifecycleChanged(ObjectMeta old, ObjectMeta updated) =>
        (old.DeletionTimestamp is null) != (updated.DeletionTimestamp is null)
            || (HasBindingControllerFinalizer(old) && !HasBindingControllerFinalizer(updated))
            || old.Labels.GetValueOrDefault(WellKnownLabels.ResourceBindingPermanentId) != updated.Labels.GetValueOrDefault(WellKnownLabels.ResourceBindingPermanentId)
            || old.Labels.GetValueOrDefault(WellKnownLabels.ClusterResourceBindingPermanentId) != updated.Labels.GetValueOrDefault(WellKnownLabels.ClusterResourceBindingPermanentId);

    /// <summary>
    /// Whether a new generation only recorded or removed a dependent that targets clusters the binding already targets
    /// (<see cref="RequiredByChange"/>), with no lifecycle change beside it: nothing to render.
    /// </summary>
    public static bool OnlyRequiredByChanged(ObjectMeta old, ObjectMeta updated, ResourceBindingSpec oldSpec, ResourceBindingSpec spec)
    {
        ArgumentNullException.ThrowIfNull(old);
        ArgumentNullException.ThrowIfNull(updated);
        return old.Generation != updated.Generation
            && !LifecycleChanged(old, updated)
            && RequiredByChange.ChangesNoTarget(oldSpec, spec);
    }

    private static bool HasBindingControllerFinalizer(ObjectMeta metadata) =>
        metadata.Finalizers.Contains(WellKnownFinalizers.BindingController) || metadata.Finalizers.Contains(WellKnownFinalizers.ClusterResourceBindingController);

    /// <summary>The binding a Work belongs to, from its annotations; null for Works of no binding.</summary>
    public static ObjectKey? OwnerOf(WorkV1Alpha1.Work work)
    {
        ArgumentNullException.ThrowIfNull(work);
        var annotations = work.Metadata.Annotations;
        if (annotations.TryGetValue(WellKnownAnnotations.ClusterResourceBindingName, out var clusterBinding))
        {
            return new ObjectKey(null, clusterBinding);
        }

        return annotations.TryGetValue(WellKnownAnnotations.ResourceBindingNamespace, out var ns)
            && annotations.TryGetValue(WellKnownAnnotations.ResourceBindingName, out var name)
                ? new ObjectKey(ns, name)
                : null;
    }
}
