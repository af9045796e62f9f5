using Karmada.Scheduler.Framework;

namespace Karmada.Scheduler;

/// <summary>One cluster's story in a scheduling attempt: the plugin that rejected it and why, or its score.</summary>
public sealed record ClusterDiagnosis(string Cluster, ClusterVerdict Verdict)
{
    /// <summary>The filter plugin that rejected the cluster.</summary>
    public string? RejectedBy { get; init; }

    /// <summary>The rejecting plugin's result.</summary>
    public FilterResult? Result { get; init; }

    /// <summary>The summed score, for clusters that passed the filters and were scored.</summary>
    public long? Score { get; init; }

    /// <summary>The replicas assigned, for scheduled clusters.</summary>
    public int? Replicas { get; init; }

    /// <summary>A short phrase saying why the cluster is not (fully) used; null for scheduled clusters.</summary>
    public string? Explanation => Verdict switch
    {
        ClusterVerdict.Deleting => "cluster is being deleted",
        ClusterVerdict.Rejected => Result?.Explanation ?? Result?.Message,
        ClusterVerdict.NotSelected => "not selected by the spread constraints",
        ClusterVerdict.NoReplicas => "assigned no replicas",
        _ => null,
    };
}
