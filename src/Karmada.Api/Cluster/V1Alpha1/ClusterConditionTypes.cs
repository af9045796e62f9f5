namespace Karmada.Api.Cluster.V1Alpha1;

/// <summary>Condition types of a <see cref="Cluster"/>.</summary>
public static class ClusterConditionTypes
{
    /// <summary>The cluster is healthy and ready to accept workloads.</summary>
    public const string Ready = "Ready";

    /// <summary>All API enablements were collected (discovery fully succeeded).</summary>
    public const string CompleteAPIEnablements = "CompleteAPIEnablements";
}
