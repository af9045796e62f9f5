using Karmada.Api.Cluster.V1Alpha1;
using Karmada.Api.Work.V1Alpha2;

namespace Karmada.Scheduler.Framework.Plugins;

/// <summary>Scores 100 the clusters that already run the workload (replicas assigned), 0 the others.</summary>
public sealed class ClusterLocalityPlugin : IScorePlugin, IPreparedScorePlugin
{
    /// <summary>The plugin name.</summary>
    public const string PluginName = "ClusterLocality";

    /// <inheritdoc />
    public string Name => PluginName;

    /// <inheritdoc />
    public FilterResult Score(ResourceBindingSpec spec, Cluster cluster, out long score) =>
        PrepareScore(spec).Score(cluster, out score);

    /// <inheritdoc />
    IClusterScorer IPreparedScorePlugin.PrepareScore(ResourceBindingSpec spec) => PrepareScore(spec);

    private static Prepared PrepareScore(ResourceBindingSpec spec)
    {
        ArgumentNullException.ThrowIfNull(spec);
        var running = spec.Clusters.Count > 0 && spec.Clusters.Sum(c => c.Replicas) > 0;
        return new Prepared(running ? TargetNames.Of(spec) : null);
    }

    private sealed class Prepared(TargetNames? targets) : IClusterScorer
    {
        public FilterResult Score(Cluster cluster, out long score)
        {
            ArgumentNullException.ThrowIfNull(cluster);
            score = targets is not null && targets.Contains(cluster.Metadata.Name) ? ClusterScore.MaxScore : ClusterScore.MinScore;
            return FilterResult.Success;
        }
    }
}
