using Karmada.Api.Cluster.V1Alpha1;

namespace Karmada.Scheduler.Framework;

/// <summary>The filter chain bound to one binding for one scheduling attempt.</summary>
public sealed class PreparedFilters
{
    private readonly IReadOnlyList<IPlugin> _plugins;
    private readonly IClusterFilter[] _filters;

    internal PreparedFilters(IReadOnlyList<IPlugin> plugins, IClusterFilter[] filters)
    {
        _plugins = plugins;
        _filters = filters;
    }

    /// <summary>Runs the chain on one cluster; the first non-success result stops it.</summary>
    public PluginFilterResult Run(Cluster cluster)
    {
        for (var i = 0; i < _filters.Length; i++)
        {
            var result = _filters[i].Filter(cluster);
            if (!result.IsSuccess)
            {
                return new(_plugins[i].Name, result);
            }
        }

        return new(null, FilterResult.Success);
    }
}
