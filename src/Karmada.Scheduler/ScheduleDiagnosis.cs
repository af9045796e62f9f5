namespace Karmada.Scheduler;

/// <summary>Why a scheduling attempt failed: the upstream-worded failure plus each cluster's story.</summary>
public sealed class ScheduleDiagnosis
{
    internal ScheduleDiagnosis(SchedulingFailure failure, string? affinityName, int numAllClusters, IReadOnlyList<ClusterDiagnosis> clusters)
    {
        Failure = failure;
        AffinityName = affinityName;
        NumAllClusters = numAllClusters;
        Clusters = clusters;
    }

    /// <summary>The failure kind (the <c>Scheduled</c> condition reason) and upstream's message.</summary>
    public SchedulingFailure Failure { get; }

    /// <summary>The clusterAffinities term tried; null without clusterAffinities.</summary>
    public string? AffinityName { get; }

    /// <summary>How many clusters were known, deleting ones included.</summary>
    public int NumAllClusters { get; }

    /// <summary>Every cluster considered.</summary>
    public IReadOnlyList<ClusterDiagnosis> Clusters { get; }

    /// <summary>
    /// Whether the binding's <c>spec.clusters</c> should be cleared: upstream writes an empty result when no cluster
    /// fits, and keeps the previous one for every other failure.
    /// </summary>
    public bool ClearsTargets => Failure.Kind == SchedulingFailureKind.NoClusterFit;

    /// <summary>
    /// For people: "name: reason" per cluster not used, by name, joined with "; ", e.g.
    /// <c>member3: untolerated taint cluster.karmada.io/not-ready:NoSchedule; member4: cluster affinity not matched</c>;
    /// the failure message when no single cluster is to blame.
    /// </summary>
    public string Explanation => Explain(Clusters) is { Length: > 0 } text ? text : Failure.Message;

    internal static string Explain(IReadOnlyList<ClusterDiagnosis> clusters) => string.Join(
        "; ",
        clusters.Where(c => c.Explanation is not null)
            .OrderBy(c => c.Cluster, StringComparer.Ordinal)
            .Select(c => $"{c.Cluster}: {c.Explanation}"));
}
