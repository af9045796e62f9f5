namespace Karmada.Scheduler;

/// <summary>What became of one cluster in a scheduling attempt.</summary>
public enum ClusterVerdict
{
    /// <summary>Skipped because the cluster is being deleted.</summary>
    Deleting,

    /// <summary>A filter plugin rejected it.</summary>
    Rejected,

    /// <summary>It passed the filters; the attempt failed before selection.</summary>
    Feasible,

    /// <summary>It passed the filters but the spread constraints did not select it.</summary>
    NotSelected,

    /// <summary>Selected, but the assignment gave it no replicas.</summary>
    NoReplicas,

    /// <summary>Selected and part of the result.</summary>
    Scheduled,
}
