using Karmada.Api.Work.V1Alpha2;

namespace Karmada.Scheduler;

/// <summary>A successful scheduling decision.</summary>
public sealed class ScheduleResult
{
    internal ScheduleResult(IReadOnlyList<TargetCluster> targetClusters, string? affinityName, IReadOnlyList<ClusterDiagnosis> clusters)
    {
        TargetClusters = targetClusters;
        AffinityName = affinityName;
        Clusters = clusters;
    }

    /// <summary>The new <c>spec.clusters</c>.</summary>
    public IReadOnlyList<TargetCluster> TargetClusters { get; }

    /// <summary>
    /// The clusterAffinities term used, for <c>status.schedulerObservingAffinityName</c>; null when the placement
    /// has no clusterAffinities.
    /// </summary>
    public string? AffinityName { get; }

    /// <summary>Every cluster considered, with scores and the reasons others were not used.</summary>
    public IReadOnlyList<ClusterDiagnosis> Clusters { get; }

    /// <summary>"name: reason" for every cluster not used, by name, joined with "; "; empty when all were used.</summary>
    public string Explanation => ScheduleDiagnosis.Explain(Clusters);
}
