namespace Karmada.Api.Cluster.V1Alpha1;

/// <summary>Reasons of the <c>Ready</c> and <c>CompleteAPIEnablements</c> cluster conditions.</summary>
public static class ClusterConditionReasons
{
    /// <summary>The cluster is ready.</summary>
    public const string ClusterReady = "ClusterReady";

    /// <summary>The cluster answered but is not healthy.</summary>
    public const string ClusterNotReady = "ClusterNotReady";

    /// <summary>The cluster could not be reached.</summary>
    public const string ClusterNotReachable = "ClusterNotReachable";

    /// <summary>Collecting the cluster status failed.</summary>
    public const string StatusCollectionFailed = "StatusCollectionFailed";

    /// <summary>The status has not been refreshed within the grace period.</summary>
    public const string ClusterStatusUnknown = "ClusterStatusUnknown";

    /// <summary>The status was never reported.</summary>
    public const string ClusterStatusNeverUpdated = "ClusterStatusNeverUpdated";

    /// <summary>All API enablements were collected.</summary>
    public const string CompleteAPIEnablements = "CompleteAPIEnablements";
}
