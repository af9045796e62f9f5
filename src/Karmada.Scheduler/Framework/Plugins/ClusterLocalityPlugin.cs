using Karmada.Api.Cluster.V1Alpha1;
using Karmada.Api.Work.V1Alpha2;

namespace Karmada.Scheduler.Framework.Plugins;

/// <summary>Scores 100 the clusters that already run the workload (replicas assigned), 0 the others.</summary>
public sealed class ClusterLocalityPlugin : IScorePlugin
{
    /// <summary>The plugin name.</summary>
    public const string PluginName = "ClusterLocality";

    /// <inheritdoc />
    public string Name => PluginName;

    /// <inheritdoc />
    public FilterResult Score(ResourceBindingSpec spec, Cluster cluster, out long score)
    {
        ArgumentNullException.ThrowIfNull(spec);
        ArgumentNullException.ThrowIfNull(cluster);
        score = spec.Clusters.Count > 0 && spec.Clusters.Sum(c => c.Replicas) > 0 && spec.TargetContains(cluster.Metadata.Name)
            ? ClusterScore.MaxScore
            : ClusterScore.MinScore;
        return FilterResult.Success;
    }
}
