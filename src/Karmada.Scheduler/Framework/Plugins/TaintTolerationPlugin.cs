using Karmada.Api.Cluster.V1Alpha1;
using Karmada.Api.Core;
using Karmada.Api.Work.V1Alpha2;
using Karmada.Scheduler.Taints;

namespace Karmada.Scheduler.Framework.Plugins;

/// <summary>
/// Rejects clusters with a NoSchedule or NoExecute taint the placement's <c>clusterTolerations</c> do not tolerate.
/// Clusters the binding already targets pass: evicting from them is the taint manager's job, after a grace period.
/// </summary>
public sealed class TaintTolerationPlugin : IPreparedFilterPlugin
{
    /// <summary>The plugin name.</summary>
    public const string PluginName = "TaintToleration";

    /// <inheritdoc />
    public string Name => PluginName;

    /// <inheritdoc />
    public FilterResult Filter(ResourceBindingSpec spec, ResourceBindingStatus status, Cluster cluster) =>
        Prepare(spec, status).Filter(cluster);

    /// <inheritdoc />
    public IClusterFilter Prepare(ResourceBindingSpec spec, ResourceBindingStatus status)
    {
        ArgumentNullException.ThrowIfNull(spec);
        return new Prepared(TargetNames.Of(spec), spec.Placement?.ClusterTolerations ?? []);
    }

    private sealed class Prepared(TargetNames targets, IReadOnlyList<Toleration> tolerations) : IClusterFilter
    {
        public FilterResult Filter(Cluster cluster)
        {
            ArgumentNullException.ThrowIfNull(cluster);
            if (cluster.Spec.Taints.Count == 0 || targets.Contains(cluster.Metadata.Name))
            {
                return FilterResult.Success;
            }

            var taint = TaintTolerations.FindMatchingUntoleratedTaint(
                cluster.Spec.Taints, tolerations, static t => t.Effect is TaintEffect.NoSchedule or TaintEffect.NoExecute);
            if (taint is null)
            {
                return FilterResult.Success;
            }

            var text = TaintTolerations.Format(taint);
            return FilterResult.Unschedulable($"cluster(s) had untolerated taint {{{text}}}", $"untolerated taint {text}");
        }
    }
}
