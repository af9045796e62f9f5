using Karmada.Api.WellKnown;
using Karmada.Api.Work.V1Alpha2;
using Karmada.Client;

namespace Karmada.Controllers.Binding;

/// <summary>
/// What the Work rendering needs of a ResourceBinding or a ClusterResourceBinding: they share a spec and differ only in
/// scope, which decides the permanent-id label and the back-reference annotations their Works carry.
/// </summary>
/// <param name="IsClusterScoped">True for a ClusterResourceBinding.</param>
/// <param name="Namespace">Namespace of a ResourceBinding; null for a ClusterResourceBinding.</param>
/// <param name="Name">Name of the binding.</param>
/// <param name="PermanentId">The binding's permanent id (assigned by admission), the selector of its Works.</param>
/// <param name="Spec">The binding's spec.</param>
public sealed record BindingView(bool IsClusterScoped, string? Namespace, string Name, string? PermanentId, ResourceBindingSpec Spec)
{
    /// <summary>The label that carries the binding's permanent id on the binding, its Works and their manifests.</summary>
    public string PermanentIdLabel => PermanentIdLabelFor(IsClusterScoped);

    /// <summary>The binding's queue key.</summary>
    public ObjectKey Key => new(Namespace, Name);

    /// <summary>The view of a ResourceBinding.</summary>
    public static BindingView Of(ResourceBinding binding)
    {
        ArgumentNullException.ThrowIfNull(binding);
        return new(false, binding.Metadata.Namespace, binding.Metadata.Name ?? "", binding.Metadata.Labels.GetValueOrDefault(WellKnownLabels.ResourceBindingPermanentId), binding.Spec);
    }

    /// <summary>The view of a ClusterResourceBinding.</summary>
    public static BindingView Of(ClusterResourceBinding binding)
    {
        ArgumentNullException.ThrowIfNull(binding);
        return new(true, null, binding.Metadata.Name ?? "", binding.Metadata.Labels.GetValueOrDefault(WellKnownLabels.ClusterResourceBindingPermanentId), binding.Spec);
    }

    /// <summary>The permanent-id label of a binding scope.</summary>
    public static string PermanentIdLabelFor(bool isClusterScoped) =>
        isClusterScoped ? WellKnownLabels.ClusterResourceBindingPermanentId : WellKnownLabels.ResourceBindingPermanentId;

    /// <summary>The annotations naming the binding, on its Works and their manifests.</summary>
    public IReadOnlyDictionary<string, string> ReferenceAnnotations => IsClusterScoped
        ? new Dictionary<string, string> { [WellKnownAnnotations.ClusterResourceBindingName] = Name }
        : new Dictionary<string, string>
        {
            [WellKnownAnnotations.ResourceBindingNamespace] = Namespace ?? "",
            [WellKnownAnnotations.ResourceBindingName] = Name,
        };
}
