using Karmada.Api.WellKnown;
using Karmada.Client;
using ClusterV1Alpha1 = Karmada.Api.Cluster.V1Alpha1;

namespace Karmada.Controllers.Members;

/// <summary>
/// A Pull-mode agent's view (upstream karmada-agent): the one cluster it runs beside, reached with the agent's own
/// client, and only the Works of that cluster's execution namespace.
/// </summary>
public sealed class LocalExecutionCluster : IExecutionClusters
{
    private readonly KubeApiClient _client;

    public LocalExecutionCluster(string clusterName, KubeApiClient client)
    {
        ArgumentException.ThrowIfNullOrEmpty(clusterName);
        ArgumentNullException.ThrowIfNull(client);
        ClusterName = clusterName;
        _client = client;
        WorkNamespace = ReservedNamespaces.ExecutionSpace(clusterName);
    }

    /// <summary>The cluster this agent serves.</summary>
    public string ClusterName { get; }

    public string? WorkNamespace { get; }

    public bool Serves(ClusterV1Alpha1.Cluster cluster)
    {
        ArgumentNullException.ThrowIfNull(cluster);
        return cluster.Metadata.Name == ClusterName && cluster.Spec.SyncMode == ClusterV1Alpha1.ClusterSyncMode.Pull;
    }

    public Task<KubeApiClient> GetClientAsync(ClusterV1Alpha1.Cluster cluster, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(cluster);
        return cluster.Metadata.Name == ClusterName
            ? Task.FromResult(_client)
            : throw new MemberClusterConfigurationException($"This agent serves cluster {ClusterName}, not {cluster.Metadata.Name}.");
    }
}
