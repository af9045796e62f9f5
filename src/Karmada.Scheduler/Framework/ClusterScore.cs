using Karmada.Api.Cluster.V1Alpha1;

namespace Karmada.Scheduler.Framework;

/// <summary>A cluster and its score.</summary>
public readonly record struct ClusterScore(Cluster Cluster, long Score)
{
    /// <summary>The lowest score a plugin is expected to return.</summary>
    public const long MinScore = 0;

    /// <summary>The highest score a plugin is expected to return.</summary>
    public const long MaxScore = 100;
}
