using Karmada.Api.Cluster.V1Alpha1;
using Karmada.Api.Work.V1Alpha2;

namespace Karmada.Scheduler.Framework.Plugins;

/// <summary>
/// Keeps clusters matching <c>placement.clusterAffinity</c>, or the clusterAffinities term being observed (plus its
/// overflow affinities for workloads); scores every cluster 0.
/// </summary>
public sealed class ClusterAffinityPlugin : IPreparedFilterPlugin, IScorePlugin, IScoreNormalizer
{
    /// <summary>The plugin name.</summary>
    public const string PluginName = "ClusterAffinity";

    /// <inheritdoc />
    public string Name => PluginName;

    /// <inheritdoc />
    public FilterResult Filter(ResourceBindingSpec spec, ResourceBindingStatus status, Cluster cluster) =>
        Prepare(spec, status).Filter(cluster);

    /// <inheritdoc />
    public IClusterFilter Prepare(ResourceBindingSpec spec, ResourceBindingStatus status)
    {
        ArgumentNullException.ThrowIfNull(spec);
        var placement = spec.Placement;
        if (placement?.ClusterAffinity is { } affinity)
        {
            return new Prepared([new CompiledClusterAffinity(affinity)], null);
        }

        var observed = status?.SchedulerObservedAffinityName ?? "";
        var term = placement?.ClusterAffinities.Find(t => t.AffinityName == observed);
        if (term is null)
        {
            return new Prepared([], null);
        }

        var affinities = new List<CompiledClusterAffinity> { new(term) };
        if (spec.IsWorkload())
        {
            affinities.AddRange(term.OverflowAffinities.Select(o => new CompiledClusterAffinity(o)));
        }

        return new Prepared(affinities, term.AffinityName);
    }

    /// <inheritdoc />
    public FilterResult Score(ResourceBindingSpec spec, Cluster cluster, out long score)
    {
        score = ClusterScore.MinScore;
        return FilterResult.Success;
    }

    /// <inheritdoc />
    public FilterResult NormalizeScores(Span<ClusterScore> scores) => FilterResult.Success;

    private sealed class Prepared(List<CompiledClusterAffinity> affinities, string? term) : IClusterFilter
    {
        // No affinity at all admits every cluster.
        private readonly bool _matchAll = affinities.Count == 0;

        private readonly FilterResult _notMatched = FilterResult.Unschedulable(
            "cluster(s) did not match the placement cluster affinity constraint",
            term is null ? "cluster affinity not matched" : $"cluster affinity term \"{term}\" not matched");

        public FilterResult Filter(Cluster cluster)
        {
            ArgumentNullException.ThrowIfNull(cluster);
            if (_matchAll)
            {
                return FilterResult.Success;
            }

            foreach (var affinity in affinities)
            {
                if (affinity.Matches(cluster))
                {
                    return FilterResult.Success;
                }
            }

            return _notMatched;
        }
    }
}
