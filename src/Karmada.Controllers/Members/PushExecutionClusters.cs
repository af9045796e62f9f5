using Karmada.Client;
using ClusterV1Alpha1 = Karmada.Api.Cluster.V1Alpha1;

namespace Karmada.Controllers.Members;

/// <summary>The controller-manager's view: every Push cluster, reached through <see cref="IMemberClusterClients"/>.</summary>
public sealed class PushExecutionClusters : IExecutionClusters
{
    private readonly IMemberClusterClients _clients;

    public PushExecutionClusters(IMemberClusterClients clients)
    {
        ArgumentNullException.ThrowIfNull(clients);
        _clients = clients;
    }

    public string? WorkNamespace => null;

    public bool Serves(ClusterV1Alpha1.Cluster cluster)
    {
        ArgumentNullException.ThrowIfNull(cluster);

        // A Pull cluster's agent applies its Works.
        return cluster.Spec.SyncMode == ClusterV1Alpha1.ClusterSyncMode.Push;
    }

    public Task<KubeApiClient> GetClientAsync(ClusterV1Alpha1.Cluster cluster, CancellationToken cancellationToken) =>
        _clients.GetAsync(cluster, cancellationToken);
}
