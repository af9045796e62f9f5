using Karmada.Api.Cluster.V1Alpha1;

namespace Karmada.Scheduler.Framework;

/// <summary>A filter bound to one binding for one scheduling attempt (see <see cref="IPreparedFilterPlugin"/>).</summary>
public interface IClusterFilter
{
    /// <summary>Decides whether the prepared binding may be placed on the cluster.</summary>
    FilterResult Filter(Cluster cluster);
}
