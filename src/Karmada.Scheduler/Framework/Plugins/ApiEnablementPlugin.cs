using Karmada.Api.Cluster.V1Alpha1;
using Karmada.Api.Meta;
using Karmada.Api.Work.V1Alpha2;

namespace Karmada.Scheduler.Framework.Plugins;

/// <summary>
/// Rejects clusters that do not serve the resource's API. Clusters the binding already targets pass, so a CRD
/// briefly missing (or a partial API collection) never deletes scheduled resources. A cluster whose API list is
/// incomplete and lacks the API counts as not serving it.
/// </summary>
public sealed class ApiEnablementPlugin : IPreparedFilterPlugin
{
    /// <summary>The plugin name.</summary>
    public const string PluginName = "APIEnablement";

    /// <inheritdoc />
    public string Name => PluginName;

    /// <inheritdoc />
    public FilterResult Filter(ResourceBindingSpec spec, ResourceBindingStatus status, Cluster cluster) =>
        Prepare(spec, status).Filter(cluster);

    /// <inheritdoc />
    public IClusterFilter Prepare(ResourceBindingSpec spec, ResourceBindingStatus status)
    {
        ArgumentNullException.ThrowIfNull(spec);
        return new Prepared(TargetNames.Of(spec), spec.Resource.ApiVersion, spec.Resource.Kind);
    }

    private sealed class Prepared(TargetNames targets, string apiVersion, string kind) : IClusterFilter
    {
        public FilterResult Filter(Cluster cluster)
        {
            ArgumentNullException.ThrowIfNull(cluster);
            if (IsEnabled(cluster) || targets.Contains(cluster.Metadata.Name))
            {
                return FilterResult.Success;
            }

            return FilterResult.Unschedulable(
                "no such API resource",
                IsComplete(cluster)
                    ? $"API {apiVersion}, Kind={kind} not enabled"
                    : $"API {apiVersion}, Kind={kind} not reported (API enablements incomplete)");
        }

        private static bool IsComplete(Cluster cluster)
        {
            foreach (var condition in cluster.Status.Conditions)
            {
                if (condition.Type == ClusterConditionTypes.CompleteAPIEnablements)
                {
                    return condition.Status == ConditionStatus.True;
                }
            }

            return false;
        }

        private bool IsEnabled(Cluster cluster)
        {
            foreach (var enablement in cluster.Status.ApiEnablements)
            {
                if (enablement.GroupVersion != apiVersion)
                {
                    continue;
                }

                foreach (var resource in enablement.Resources)
                {
                    if (resource.Kind == kind)
                    {
                        return true;
                    }
                }
            }

            return false;
        }
    }
}
