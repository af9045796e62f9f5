namespace Karmada.Api.Cluster.V1Alpha1;

/// <summary>Well-known taint keys that Karmada puts on clusters.</summary>
public static class ClusterTaintKeys
{
    /// <summary>Added when the cluster is not ready (Ready condition False).</summary>
    public const string NotReady = "cluster.karmada.io/not-ready";

    /// <summary>Added when the cluster is unreachable (Ready condition Unknown).</summary>
    public const string Unreachable = "cluster.karmada.io/unreachable";

    /// <summary>Added when the cluster is unschedulable.</summary>
    public const string Unschedulable = "cluster.karmada.io/unschedulable";
}
