using Karmada.Api.Cluster.V1Alpha1;
using Karmada.Api.Policy.V1Alpha1;
using Karmada.Api.Work.V1Alpha2;

namespace Karmada.Scheduler.Framework.Plugins;

/// <summary>Rejects clusters lacking the provider, region or zones a spread constraint spreads by.</summary>
public sealed class SpreadConstraintPlugin : IPreparedFilterPlugin
{
    /// <summary>The plugin name.</summary>
    public const string PluginName = "SpreadConstraint";

    private static readonly FilterResult MissingProvider = Missing("provider");
    private static readonly FilterResult MissingRegion = Missing("region");
    private static readonly FilterResult MissingZones = Missing("zones");

    /// <inheritdoc />
    public string Name => PluginName;

    /// <inheritdoc />
    public FilterResult Filter(ResourceBindingSpec spec, ResourceBindingStatus status, Cluster cluster) =>
        Prepare(spec, status).Filter(cluster);

    /// <inheritdoc />
    public IClusterFilter Prepare(ResourceBindingSpec spec, ResourceBindingStatus status)
    {
        ArgumentNullException.ThrowIfNull(spec);

        // The constraints are checked in their order, so the first missing field in that order is reported.
        var fields = new List<SpreadFieldValue>();
        foreach (var constraint in spec.Placement?.SpreadConstraints ?? [])
        {
            if (constraint.SpreadByField is SpreadFieldValue.Provider or SpreadFieldValue.Region or SpreadFieldValue.Zone)
            {
                fields.Add(constraint.SpreadByField.Value);
            }
        }

        return new Prepared(fields);
    }

    private static FilterResult Missing(string property) => FilterResult.Unschedulable(
        $"cluster(s) did not have {property} property", $"no {property} set, but the placement spreads by it");

    private sealed class Prepared(List<SpreadFieldValue> fields) : IClusterFilter
    {
        public FilterResult Filter(Cluster cluster)
        {
            ArgumentNullException.ThrowIfNull(cluster);
            foreach (var field in fields)
            {
                if (field == SpreadFieldValue.Provider && string.IsNullOrEmpty(cluster.Spec.Provider))
                {
                    return MissingProvider;
                }

                if (field == SpreadFieldValue.Region && string.IsNullOrEmpty(cluster.Spec.Region))
                {
                    return MissingRegion;
                }

                if (field == SpreadFieldValue.Zone && cluster.Spec.Zones.Count == 0)
                {
                    return MissingZones;
                }
            }

            return FilterResult.Success;
        }
    }
}
