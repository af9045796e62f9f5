using Karmada.Api.Cluster.V1Alpha1;
using Karmada.Api.Core;
using Karmada.Api.Policy.V1Alpha1;

namespace Karmada.Policy.Selection;

/// <summary>
/// Karmada's <c>util.ClusterMatches</c>: a cluster matches an affinity when it is not excluded, its labels match the
/// label selector (if set), its provider/region/zones match the field selector (if set), and its name is listed
/// (if names are listed).
/// </summary>
public static class ClusterAffinityMatcher
{
    public const string ProviderField = "provider";
    public const string RegionField = "region";
    public const string ZoneField = "zone";

    public static bool Matches(Cluster cluster, ClusterAffinity? affinity)
    {
        if (affinity is null)
        {
            return true;
        }

        var name = cluster.Metadata.Name ?? "";
        if (affinity.ExcludeClusters.Contains(name))
        {
            return false;
        }

        if (affinity.LabelSelector is not null && !LabelSelectorMatcher.Matches(affinity.LabelSelector, cluster.Metadata.Labels))
        {
            return false;
        }

        if (affinity.FieldSelector is { } fields)
        {
            var clusterFields = ExtractClusterFields(cluster);
            foreach (var expression in fields.MatchExpressions)
            {
                var ok = expression.Key == ZoneField
                    ? MatchZones(expression, cluster.Spec.Zones)
                    : MatchField(expression, clusterFields.GetValueOrDefault(expression.Key));
                if (!ok)
                {
                    return false;
                }
            }
        }

        return affinity.ClusterNames.Count == 0 || affinity.ClusterNames.Contains(name);
    }

    /// <summary>The provider/region/zone values a cluster has set (<c>extractClusterFields</c>).</summary>
    public static Dictionary<string, string> ExtractClusterFields(Cluster cluster)
    {
        var fields = new Dictionary<string, string>(StringComparer.Ordinal);
        if (!string.IsNullOrEmpty(cluster.Spec.Provider))
        {
            fields[ProviderField] = cluster.Spec.Provider;
        }

        if (!string.IsNullOrEmpty(cluster.Spec.Region))
        {
            fields[RegionField] = cluster.Spec.Region;
        }

        if (!string.IsNullOrEmpty(cluster.Spec.Zone))
        {
            fields[ZoneField] = cluster.Spec.Zone;
        }

        return fields;
    }

    /// <summary>
    /// Zone matching against the cluster's zones list: In needs at least one listed zone, NotIn none, Exists a
    /// non-empty list, DoesNotExist an empty one.
    /// </summary>
    public static bool MatchZones(NodeSelectorRequirement requirement, IReadOnlyList<string>? zones)
    {
        zones ??= [];
        return requirement.Operator switch
        {
            NodeSelectorOperator.In => zones.Count > 0 && zones.Any(requirement.Values.Contains),
            NodeSelectorOperator.NotIn => !zones.Any(requirement.Values.Contains),
            NodeSelectorOperator.Exists => zones.Count > 0,
            NodeSelectorOperator.DoesNotExist => zones.Count == 0,
            _ => false,
        };
    }

    private static bool MatchField(NodeSelectorRequirement requirement, string? value)
    {
        // labels.NewRequirement rejects these shapes; upstream treats the conversion error as a mismatch.
        var wellFormed = requirement.Operator switch
        {
            NodeSelectorOperator.In or NodeSelectorOperator.NotIn => requirement.Values.Count > 0,
            NodeSelectorOperator.Exists or NodeSelectorOperator.DoesNotExist => requirement.Values.Count == 0,
            _ => true,
        };
        if (!wellFormed)
        {
            return false;
        }

        var has = value is not null;
        return requirement.Operator switch
        {
            NodeSelectorOperator.In => has && requirement.Values.Contains(value!),
            NodeSelectorOperator.NotIn => !has || !requirement.Values.Contains(value!),
            NodeSelectorOperator.Exists => has,
            NodeSelectorOperator.DoesNotExist => !has,
            NodeSelectorOperator.Gt or NodeSelectorOperator.Lt => has && requirement.Values.Count == 1
                && long.TryParse(value, out var actual) && long.TryParse(requirement.Values[0], out var bound)
                && (requirement.Operator == NodeSelectorOperator.Gt ? actual > bound : actual < bound),
            _ => false,
        };
    }
}
