using Karmada.Api.Cluster.V1Alpha1;
using Karmada.Api.Work.V1Alpha2;

namespace Karmada.Scheduler.Framework;

/// <summary>Filters out clusters a binding must not go to. The first non-success result stops the chain.</summary>
public interface IFilterPlugin : IPlugin
{
    /// <summary>Decides whether the binding may be placed on the cluster.</summary>
    FilterResult Filter(ResourceBindingSpec spec, ResourceBindingStatus status, Cluster cluster);
}
