using Karmada.Client;
using ClusterV1Alpha1 = Karmada.Api.Cluster.V1Alpha1;

namespace Karmada.Controllers.Members;

/// <summary>
/// Clients for member clusters, built from each Cluster's <c>spec.apiEndpoint</c> and the credentials in the Secret its
/// <c>spec.secretRef</c> names. Clients are cached and rebuilt when the endpoint, TLS setting or Secret changes.
/// </summary>
public interface IMemberClusterClients
{
    /// <summary>
    /// The client for <paramref name="cluster"/>. Throws <see cref="MemberClusterConfigurationException"/> when the
    /// Cluster has no endpoint or Secret, or the Secret has no usable credentials.
    /// </summary>
    Task<KubeApiClient> GetAsync(ClusterV1Alpha1.Cluster cluster, CancellationToken cancellationToken);

    /// <summary>Drops (and disposes) the cached client of a cluster that was removed.</summary>
    void Remove(string clusterName);
}
