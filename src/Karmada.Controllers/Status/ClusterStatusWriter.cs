using Karmada.Api;
using Karmada.Client;
using Karmada.Controllers.Runtime;
using ClusterV1Alpha1 = Karmada.Api.Cluster.V1Alpha1;

namespace Karmada.Controllers.Status;

/// <summary>
/// Writes a status round's result as a merge patch of the owned fields that changed (<see cref="ClusterStatusPatch"/>),
/// over the basis's resourceVersion; shared by the Push controller and the Pull agent.
/// </summary>
public static class ClusterStatusWriter
{
    private const int MaxWriteAttempts = 3;

    private static readonly PatchOptions StatusPatch = new() { Subresource = "status" };

    /// <summary>
    /// Writes <paramref name="status"/> over <paramref name="basis"/>'s resourceVersion, as a merge patch of the fields
    /// that differ from <paramref name="basis"/>'s status; returns the Cluster as written (<paramref name="basis"/> when
    /// nothing differs). A conflict (the cluster controller adding its finalizer, another writer's condition, a basis
    /// from a cache that has not seen the last write) puts the collected status on a fresh copy (keeping what other
    /// writers own) instead of failing the round and probing the member again.
    /// </summary>
    public static async Task<ClusterV1Alpha1.Cluster> WriteAsync(KubeApiClient client, ClusterV1Alpha1.Cluster basis, ClusterV1Alpha1.ClusterStatus status, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(client);
        ArgumentNullException.ThrowIfNull(basis);
        ArgumentNullException.ThrowIfNull(status);
        var name = basis.Metadata.Name!;
        for (var attempt = 1; ; attempt++)
        {
            if (ClusterStatusPatch.Build(basis, status) is not { } patch)
            {
                return basis;
            }

            try
            {
                return await client.PatchAsync(ResourceRefs.Clusters, null, name, PatchType.Merge, patch, ClusterMeta.TypeInfo, StatusPatch, cancellationToken);
            }
            catch (ApiException ex) when (ex.IsConflict() && attempt < MaxWriteAttempts)
            {
                basis = await client.GetAsync(ResourceRefs.Clusters, null, name, ClusterMeta.TypeInfo, cancellationToken);
                status = ClusterStatusMerge.Apply(basis.DeepClone(), status).Status;
            }
        }
    }
}
