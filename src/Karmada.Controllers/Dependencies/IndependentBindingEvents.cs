using Karmada.Api.WellKnown;
using Karmada.Api.Work.V1Alpha2;

namespace Karmada.Controllers.Dependencies;

/// <summary>
/// Which ResourceBinding events the dependencies distributor reconciles (upstream <c>OnResourceBindingUpdate</c>):
/// a new generation of a <c>propagateDeps</c> binding that is or was scheduled — before the scheduler places it there
/// is nothing to tell its dependencies, and reconciling it then cost an annotation write and an attached binding with
/// no clusters that the scheduled pass rewrote a moment later — and any change of a binding that carries the
/// distributor's marks (its dependencies turned off, its deletion), which must be cleaned up.
/// </summary>
public static class IndependentBindingEvents
{
    /// <summary>A binding seen for the first time, also each one listed when the controller starts.</summary>
    public static bool OnAdd(ResourceBinding binding)
    {
        ArgumentNullException.ThrowIfNull(binding);
        return (binding.Spec.PropagateDeps && binding.Spec.Clusters.Count > 0) || CarriesMarks(binding);
    }

    /// <summary>A binding update: status writes and this controller's own marks (same generation) are not news.</summary>
    public static bool OnUpdate(ResourceBinding old, ResourceBinding current)
    {
        ArgumentNullException.ThrowIfNull(old);
        ArgumentNullException.ThrowIfNull(current);
        if ((old.Metadata.DeletionTimestamp is null) != (current.Metadata.DeletionTimestamp is null))
        {
            return CarriesMarks(current);
        }

        if (old.Metadata.Generation == current.Metadata.Generation)
        {
            return false;
        }

        return CarriesMarks(current)
            || (current.Spec.PropagateDeps && (old.Spec.Clusters.Count > 0 || current.Spec.Clusters.Count > 0));
    }

    /// <summary>Whether the distributor recorded dependencies on the binding (annotation or finalizer).</summary>
    public static bool CarriesMarks(ResourceBinding binding)
    {
        ArgumentNullException.ThrowIfNull(binding);
        return binding.Metadata.Finalizers.Contains(WellKnownFinalizers.BindingDependenciesDistributor)
            || binding.Metadata.Annotations.ContainsKey(WellKnownAnnotations.ResourceBindingDependencies);
    }
}
