using Karmada.Api.Cluster.V1Alpha1;
using Karmada.Api.Policy.V1Alpha1;
using Karmada.Policy.Selection;

namespace Karmada.Scheduler.Framework.Plugins;

/// <summary>
/// A cluster affinity prepared for matching many clusters. An affinity that only lists names and exclusions is
/// answered from hash sets, with <see cref="ClusterAffinityMatcher"/>'s rules (excluded never matches, an empty name
/// list matches every name); any other affinity goes to the matcher.
/// </summary>
internal sealed class CompiledClusterAffinity
{
    private readonly ClusterAffinity _affinity;
    private readonly HashSet<string>? _names;
    private readonly HashSet<string>? _excluded;
    private readonly bool _namesOnly;

    public CompiledClusterAffinity(ClusterAffinity affinity)
    {
        _affinity = affinity;
        _namesOnly = affinity.LabelSelector is null && affinity.FieldSelector is null;
        if (_namesOnly)
        {
            _names = affinity.ClusterNames.Count == 0 ? null : new HashSet<string>(affinity.ClusterNames, StringComparer.Ordinal);
            _excluded = affinity.ExcludeClusters.Count == 0 ? null : new HashSet<string>(affinity.ExcludeClusters, StringComparer.Ordinal);
        }
    }

    public bool Matches(Cluster cluster)
    {
        if (!_namesOnly)
        {
            return ClusterAffinityMatcher.Matches(cluster, _affinity);
        }

        var name = cluster.Metadata.Name ?? "";
        return (_excluded is null || !_excluded.Contains(name)) && (_names is null || _names.Contains(name));
    }
}
