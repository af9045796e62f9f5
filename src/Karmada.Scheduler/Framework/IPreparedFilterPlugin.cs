using Karmada.Api.Work.V1Alpha2;

namespace Karmada.Scheduler.Framework;

/// <summary>
/// A filter plugin that does its per-binding work (resolving the affinity term, indexing names) once per scheduling
/// attempt instead of once per cluster, like kube-scheduler's PreFilter with cycle state. The prepared filter must
/// decide exactly as <see cref="IFilterPlugin.Filter"/> does.
/// </summary>
public interface IPreparedFilterPlugin : IFilterPlugin
{
    /// <summary>Binds the plugin to the binding for the clusters of one attempt.</summary>
    IClusterFilter Prepare(ResourceBindingSpec spec, ResourceBindingStatus status);
}
