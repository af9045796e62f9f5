using Karmada.Client;
using ClusterV1Alpha1 = Karmada.Api.Cluster.V1Alpha1;

namespace Karmada.Controllers.Members;

/// <summary>
/// The member clusters whose Works a process applies and watches, and how it reaches them. The controller-manager
/// serves every Push cluster through the credentials in the control plane (<see cref="PushExecutionClusters"/>); a
/// Pull-mode agent serves only the cluster it runs beside, with its own client (<see cref="LocalExecutionCluster"/>).
/// </summary>
public interface IExecutionClusters
{
    /// <summary>The one execution namespace whose Works this process watches; null for all of them.</summary>
    string? WorkNamespace { get; }

    /// <summary>Whether this process applies the Works of <paramref name="cluster"/>.</summary>
    bool Serves(ClusterV1Alpha1.Cluster cluster);

    /// <summary>
    /// The client of a served cluster. Throws <see cref="MemberClusterConfigurationException"/> when the cluster cannot
    /// be reached with what is configured.
    /// </summary>
    Task<KubeApiClient> GetClientAsync(ClusterV1Alpha1.Cluster cluster, CancellationToken cancellationToken);
}
