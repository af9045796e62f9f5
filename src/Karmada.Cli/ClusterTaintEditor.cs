using Karmada.Api.Core;
using Karmada.Client;

namespace Karmada.Cli;

/// <summary>Read-modify-write of a Cluster's <c>spec.taints</c>, retried on write conflicts.</summary>
public static class ClusterTaintEditor
{
    public static async Task<string> EditAsync(KubeApiClient controlPlane, string name, Func<List<Taint>, string> edit, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(controlPlane);
        ArgumentNullException.ThrowIfNull(edit);
        for (var attempt = 1; ; attempt++)
        {
            Api.Cluster.V1Alpha1.Cluster cluster;
            try
            {
                cluster = await controlPlane.GetAsync(ClusterResources.Clusters, null, name, ClusterResources.ClusterType, cancellationToken);
            }
            catch (ApiException ex) when (ex.IsNotFound())
            {
                throw new CliException($"Cluster '{name}' does not exist; 'kubectl get clusters' lists the joined clusters.", ex);
            }

            var message = edit(cluster.Spec.Taints);
            try
            {
                await controlPlane.UpdateAsync(ClusterResources.Clusters, null, name, cluster, ClusterResources.ClusterType, cancellationToken: cancellationToken);
                return message;
            }
            catch (ApiException ex) when (ex.IsConflict() && attempt < 5)
            {
                // Changed by a controller since we read it: read again.
            }
        }
    }
}
