using Karmada.Api;
using Karmada.Api.Meta;
using Karmada.Client;
using Karmada.Controllers.Runtime;
using ClusterV1Alpha1 = Karmada.Api.Cluster.V1Alpha1;

namespace Karmada.Agent;

/// <summary>
/// The agent's self-registration (upstream <c>registerClusterInControllerPlane</c>): creates the <c>Cluster</c> with
/// <c>syncMode: Pull</c> when it is absent, and brings the fields the agent owns (endpoint, provider, region, zones) up
/// to date when it exists. No credential Secret is stored: nothing on the control plane talks to a Pull member.
/// </summary>
public static class ClusterRegistrar
{
    /// <summary>Registers or refreshes the Cluster; returns it as stored.</summary>
    /// <exception cref="InvalidOperationException">A Push cluster of the same name exists.</exception>
    public static async Task<ClusterV1Alpha1.Cluster> EnsureAsync(KubeApiClient controlPlane, AgentOptions options, string apiEndpoint, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(controlPlane);
        ArgumentNullException.ThrowIfNull(options);
        ClusterV1Alpha1.Cluster existing;
        try
        {
            existing = await controlPlane.GetAsync(ResourceRefs.Clusters, null, options.ClusterName, ClusterMeta.TypeInfo, cancellationToken);
        }
        catch (ApiException ex) when (ex.IsNotFound())
        {
            var cluster = new ClusterV1Alpha1.Cluster { Metadata = new ObjectMeta { Name = options.ClusterName } };
            Apply(cluster.Spec, options, apiEndpoint);
            try
            {
                return await controlPlane.CreateAsync(ResourceRefs.Clusters, null, cluster, ClusterMeta.TypeInfo, cancellationToken: cancellationToken);
            }
            catch (ApiException raced) when (raced.IsAlreadyExists())
            {
                existing = await controlPlane.GetAsync(ResourceRefs.Clusters, null, options.ClusterName, ClusterMeta.TypeInfo, cancellationToken);
            }
        }

        if (existing.Spec.SyncMode != ClusterV1Alpha1.ClusterSyncMode.Pull)
        {
            throw new InvalidOperationException(
                $"Cluster '{options.ClusterName}' is already joined in {existing.Spec.SyncMode} mode; unjoin it first or pick another --cluster-name.");
        }

        var desired = existing.DeepClone();
        Apply(desired.Spec, options, apiEndpoint);
        if (KarmadaJson.Serialize(desired.Spec) == KarmadaJson.Serialize(existing.Spec))
        {
            return existing;
        }

        return await controlPlane.UpdateAsync(ResourceRefs.Clusters, null, options.ClusterName, desired, ClusterMeta.TypeInfo, cancellationToken: cancellationToken);
    }

    /// <summary>The spec fields the agent owns.</summary>
    public static void Apply(ClusterV1Alpha1.ClusterSpec spec, AgentOptions options, string apiEndpoint)
    {
        ArgumentNullException.ThrowIfNull(spec);
        ArgumentNullException.ThrowIfNull(options);
        spec.SyncMode = ClusterV1Alpha1.ClusterSyncMode.Pull;
        spec.ApiEndpoint = apiEndpoint;
        if (options.ClusterProvider is { Length: > 0 } provider)
        {
            spec.Provider = provider;
        }

        if (options.ClusterRegion is { Length: > 0 } region)
        {
            spec.Region = region;
        }

        if (options.ClusterZones.Count > 0)
        {
            spec.Zones = [.. options.ClusterZones];
        }
    }
}
