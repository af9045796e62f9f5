using Karmada.Api.Cluster.V1Alpha1;
using Karmada.Api.Work.V1Alpha2;

namespace Karmada.Scheduler.Framework;

/// <summary>
/// Ranks the clusters that passed filtering with a score in [<see cref="ClusterScore.MinScore"/>,
/// <see cref="ClusterScore.MaxScore"/>]; the scores of all plugins are summed. A plugin that also implements
/// <see cref="IScoreNormalizer"/> gets to normalize its scores.
/// </summary>
public interface IScorePlugin : IPlugin
{
    /// <summary>Scores one feasible cluster; a non-success result fails the whole scheduling attempt.</summary>
    FilterResult Score(ResourceBindingSpec spec, Cluster cluster, out long score);
}
