namespace Karmada.Api.WellKnown;

/// <summary>
/// Namespaces reserved by Karmada: <c>karmada-system</c>, <c>karmada-cluster</c> and every execution namespace
/// <c>karmada-es-&lt;cluster&gt;</c>. Policies never propagate resources from them.
/// </summary>
public static class ReservedNamespaces
{
    /// <summary>Where the Karmada control plane components run.</summary>
    public const string KarmadaSystem = "karmada-system";

    /// <summary>Holds the cluster credential Secrets and, for Pull mode, the cluster Leases.</summary>
    public const string KarmadaCluster = "karmada-cluster";

    /// <summary>Prefix of the execution namespace of each member cluster, where its Works live.</summary>
    public const string ExecutionSpacePrefix = "karmada-es-";

    /// <summary>The execution namespace of <paramref name="clusterName"/>: <c>karmada-es-&lt;cluster&gt;</c>.</summary>
    public static string ExecutionSpace(string clusterName)
    {
        ArgumentException.ThrowIfNullOrEmpty(clusterName);
        return ExecutionSpacePrefix + clusterName;
    }

    /// <summary>The cluster of an execution namespace, or null when <paramref name="namespaceName"/> is not one.</summary>
    public static string? ClusterOfExecutionSpace(string? namespaceName) =>
        namespaceName is not null
        && namespaceName.StartsWith(ExecutionSpacePrefix, StringComparison.Ordinal)
        && namespaceName.Length > ExecutionSpacePrefix.Length
            ? namespaceName[ExecutionSpacePrefix.Length..]
            : null;

    /// <summary>Whether <paramref name="namespaceName"/> is reserved by Karmada.</summary>
    public static bool IsReserved(string? namespaceName) =>
        namespaceName is KarmadaSystem or KarmadaCluster
        || (namespaceName is not null && namespaceName.StartsWith(ExecutionSpacePrefix, StringComparison.Ordinal));
}
