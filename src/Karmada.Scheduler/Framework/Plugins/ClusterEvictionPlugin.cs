using Karmada.Api.Cluster.V1Alpha1;
using Karmada.Api.Work.V1Alpha2;

namespace Karmada.Scheduler.Framework.Plugins;

/// <summary>Rejects clusters the binding is being gracefully evicted from.</summary>
public sealed class ClusterEvictionPlugin : IPreparedFilterPlugin
{
    /// <summary>The plugin name.</summary>
    public const string PluginName = "ClusterEviction";

    private static readonly FilterResult Evicting =
        FilterResult.Unschedulable("cluster(s) is in the process of eviction", "graceful eviction in progress");

    /// <inheritdoc />
    public string Name => PluginName;

    /// <inheritdoc />
    public FilterResult Filter(ResourceBindingSpec spec, ResourceBindingStatus status, Cluster cluster) =>
        Prepare(spec, status).Filter(cluster);

    /// <inheritdoc />
    public IClusterFilter Prepare(ResourceBindingSpec spec, ResourceBindingStatus status)
    {
        ArgumentNullException.ThrowIfNull(spec);
        return new Prepared(spec.GracefulEvictionTasks.Count == 0
            ? null
            : new HashSet<string>(spec.GracefulEvictionTasks.Select(t => t.FromCluster), StringComparer.Ordinal));
    }

    private sealed class Prepared(HashSet<string>? evicting) : IClusterFilter
    {
        public FilterResult Filter(Cluster cluster)
        {
            ArgumentNullException.ThrowIfNull(cluster);
            return evicting is not null && evicting.Contains(cluster.Metadata.Name ?? "") ? Evicting : FilterResult.Success;
        }
    }
}
