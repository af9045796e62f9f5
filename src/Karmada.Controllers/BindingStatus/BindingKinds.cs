using Karmada.Api.WellKnown;
using Karmada.Client;
using Karmada.Controllers.Binding;
using WorkV1Alpha2 = Karmada.Api.Work.V1Alpha2;

namespace Karmada.Controllers.BindingStatus;

/// <summary>The two binding kinds.</summary>
public static class BindingKinds
{
    public static BindingKind<WorkV1Alpha2.ResourceBinding> ResourceBinding { get; } = new(
        "resource-binding-status-controller",
        BindingResources.ResourceBindings,
        WellKnownLabels.ResourceBindingPermanentId,
        b => b.Metadata,
        b => b.Spec,
        b => b.Status,
        (b, s) => b.Status = s,
        work => work.Metadata.Annotations.TryGetValue(WellKnownAnnotations.ResourceBindingNamespace, out var ns)
            && work.Metadata.Annotations.TryGetValue(WellKnownAnnotations.ResourceBindingName, out var name)
            && ns.Length > 0 && name.Length > 0
                ? new ObjectKey(ns, name)
                : null);

    public static BindingKind<WorkV1Alpha2.ClusterResourceBinding> ClusterResourceBinding { get; } = new(
        "cluster-resource-binding-status-controller",
        BindingResources.ClusterResourceBindings,
        WellKnownLabels.ClusterResourceBindingPermanentId,
        b => b.Metadata,
        b => b.Spec,
        b => b.Status,
        (b, s) => b.Status = s,
        work => work.Metadata.Annotations.TryGetValue(WellKnownAnnotations.ClusterResourceBindingName, out var name) && name.Length > 0
            ? new ObjectKey(null, name)
            : null);
}
