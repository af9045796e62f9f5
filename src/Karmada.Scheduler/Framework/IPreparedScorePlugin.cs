using Karmada.Api.Cluster.V1Alpha1;
using Karmada.Api.Work.V1Alpha2;

namespace Karmada.Scheduler.Framework;

/// <summary>
/// A score plugin that does its per-binding work once per scoring pass instead of once per cluster (the score
/// counterpart of <see cref="IPreparedFilterPlugin"/>). The prepared scorer must score exactly as
/// <see cref="IScorePlugin.Score"/> does.
/// </summary>
internal interface IPreparedScorePlugin : IScorePlugin
{
    /// <summary>Binds the plugin to the binding for the clusters of one scoring pass.</summary>
    IClusterScorer PrepareScore(ResourceBindingSpec spec);
}

/// <summary>A score plugin bound to one binding (see <see cref="IPreparedScorePlugin"/>).</summary>
internal interface IClusterScorer
{
    /// <summary>Scores one feasible cluster for the prepared binding.</summary>
    FilterResult Score(Cluster cluster, out long score);
}
