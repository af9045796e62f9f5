using Karmada.Api.Cluster.V1Alpha1;
using Karmada.Api.Work.V1Alpha2;

namespace Karmada.Scheduler.Framework;

/// <summary>Runs the filter and score plugins of a registry (upstream's <c>frameworkImpl</c>).</summary>
public sealed class SchedulingFramework
{
    private readonly IFilterPlugin[] _filterPlugins;
    private readonly IScorePlugin[] _scorePlugins;

    /// <summary>Instantiates every plugin of the registry and sorts them into filter and score plugins.</summary>
    public SchedulingFramework(PluginRegistry registry)
    {
        ArgumentNullException.ThrowIfNull(registry);
        var plugins = registry.CreatePlugins();
        _filterPlugins = [.. plugins.OfType<IFilterPlugin>()];
        _scorePlugins = [.. plugins.OfType<IScorePlugin>()];
    }

    /// <summary>The filter plugins, in the order they run.</summary>
    public IReadOnlyList<IFilterPlugin> FilterPlugins => _filterPlugins;

    /// <summary>The score plugins, in the order they run.</summary>
    public IReadOnlyList<IScorePlugin> ScorePlugins => _scorePlugins;

    /// <summary>Runs the filter chain on one cluster; the first non-success result stops it.</summary>
    public PluginFilterResult RunFilterPlugins(ResourceBindingSpec spec, ResourceBindingStatus status, Cluster cluster)
    {
        foreach (var plugin in _filterPlugins)
        {
            var result = plugin.Filter(spec, status, cluster);
            if (!result.IsSuccess)
            {
                return new(plugin.Name, result);
            }
        }

        return new(null, FilterResult.Success);
    }

    /// <summary>
    /// Prepares the filter chain for one attempt: plugins implementing <see cref="IPreparedFilterPlugin"/> do their
    /// per-binding work once; the others are called per cluster.
    /// </summary>
    public PreparedFilters PrepareFilters(ResourceBindingSpec spec, ResourceBindingStatus status)
    {
        var filters = new IClusterFilter[_filterPlugins.Length];
        for (var i = 0; i < _filterPlugins.Length; i++)
        {
            filters[i] = _filterPlugins[i] is IPreparedFilterPlugin prepared
                ? prepared.Prepare(spec, status)
                : new UnpreparedFilter(_filterPlugins[i], spec, status);
        }

        return new PreparedFilters(_filterPlugins, filters);
    }

    /// <summary>Runs every score plugin over the clusters and sums their scores per cluster.</summary>
    public ScoreReport RunScorePlugins(ResourceBindingSpec spec, IReadOnlyList<Cluster> clusters) =>
        RunScorePlugins(spec, clusters, keepPluginScores: true);

    /// <summary>
    /// <see cref="RunScorePlugins(ResourceBindingSpec, IReadOnlyList{Cluster})"/>; without
    /// <paramref name="keepPluginScores"/> the report's <see cref="ScoreReport.ByPlugin"/> stays empty, which spares
    /// the scheduler, needing only the totals, two arrays per plugin.
    /// </summary>
    internal ScoreReport RunScorePlugins(ResourceBindingSpec spec, IReadOnlyList<Cluster> clusters, bool keepPluginScores)
    {
        ArgumentNullException.ThrowIfNull(clusters);
        var totals = new long[clusters.Count];
        var byPlugin = new List<PluginScores>(keepPluginScores ? _scorePlugins.Length : 0);
        ClusterScore[]? buffer = null;
        foreach (var plugin in _scorePlugins)
        {
            var scores = keepPluginScores ? new ClusterScore[clusters.Count] : buffer ??= new ClusterScore[clusters.Count];
            var scorer = plugin is IPreparedScorePlugin prepared && clusters.Count > 0 ? prepared.PrepareScore(spec) : null;
            for (var i = 0; i < clusters.Count; i++)
            {
                long score;
                var result = scorer is not null ? scorer.Score(clusters[i], out score) : plugin.Score(spec, clusters[i], out score);
                if (!result.IsSuccess)
                {
                    return new(FilterResult.Error($"plugin \"{plugin.Name}\" failed with: {result.Message}"), totals, byPlugin);
                }

                scores[i] = new(clusters[i], score);
            }

            if (plugin is IScoreNormalizer normalizer)
            {
                var result = normalizer.NormalizeScores(scores);
                if (!result.IsSuccess)
                {
                    return new(FilterResult.Error($"plugin \"{plugin.Name}\" normalizeScore failed with: {result.Message}"), totals, byPlugin);
                }
            }

            for (var i = 0; i < scores.Length; i++)
            {
                totals[i] += scores[i].Score;
            }

            if (keepPluginScores)
            {
                var values = new long[scores.Length];
                for (var i = 0; i < scores.Length; i++)
                {
                    values[i] = scores[i].Score;
                }

                byPlugin.Add(new(plugin.Name, values));
            }
        }

        return new(FilterResult.Success, totals, byPlugin);
    }

    private sealed class UnpreparedFilter(IFilterPlugin plugin, ResourceBindingSpec spec, ResourceBindingStatus status) : IClusterFilter
    {
        public FilterResult Filter(Cluster cluster) => plugin.Filter(spec, status, cluster);
    }
}
