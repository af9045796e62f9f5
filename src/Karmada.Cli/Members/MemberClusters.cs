using Karmada.Api.Meta;
using Karmada.Client;
using Karmada.Controllers.Members;
using ClusterV1Alpha1 = Karmada.Api.Cluster.V1Alpha1;

namespace Karmada.Cli.Members;

/// <summary>
/// Finds the member clusters a command talks to and connects to them with the credentials Karmada holds: the Secret
/// named by a Push cluster's <c>spec.secretRef</c>, decoded as the controller-manager does.
/// </summary>
public static class MemberClusters
{
    /// <summary>Every Cluster on the control plane, by name.</summary>
    public static async Task<List<ClusterV1Alpha1.Cluster>> ListAsync(KubeApiClient controlPlane, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(controlPlane);
        var list = await controlPlane.ListAsync(ClusterResources.Clusters, null, ClusterResources.ClusterType, cancellationToken: cancellationToken);
        return [.. list.Items.OrderBy(c => c.Metadata.Name, StringComparer.Ordinal)];
    }

    /// <summary>Whether the cluster's Ready condition is True.</summary>
    public static bool IsReady(ClusterV1Alpha1.Cluster cluster)
    {
        ArgumentNullException.ThrowIfNull(cluster);
        return cluster.Status.Conditions.Exists(c => c.Type == ClusterV1Alpha1.ClusterConditionTypes.Ready && c.Status == ConditionStatus.True);
    }

    /// <summary>
    /// The clusters to visit: the ones named (each must exist), or every cluster; clusters that are not Ready are
    /// reported in <paramref name="skipped"/> and left out.
    /// </summary>
    public static List<ClusterV1Alpha1.Cluster> Select(IReadOnlyList<ClusterV1Alpha1.Cluster> clusters, IReadOnlyCollection<string> names, List<string> skipped)
    {
        ArgumentNullException.ThrowIfNull(clusters);
        ArgumentNullException.ThrowIfNull(names);
        ArgumentNullException.ThrowIfNull(skipped);
        var missing = names.Where(n => !clusters.Any(c => c.Metadata.Name == n)).ToList();
        if (missing.Count > 0)
        {
            throw new CliException($"cluster(s) {string.Join(", ", missing)} do not exist; 'kubectl get clusters' lists the joined clusters.");
        }

        var result = new List<ClusterV1Alpha1.Cluster>();
        foreach (var cluster in clusters.Where(c => names.Count == 0 || names.Contains(c.Metadata.Name ?? "")))
        {
            if (IsReady(cluster))
            {
                result.Add(cluster);
            }
            else
            {
                skipped.Add($"cluster({cluster.Metadata.Name}) is not ready");
            }
        }

        return result;
    }

    /// <summary>Connects to a Push member with the credential Secret its Cluster references.</summary>
    public static async Task<MemberConnection> ConnectAsync(KubeApiClient controlPlane, ClusterV1Alpha1.Cluster cluster, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(controlPlane);
        ArgumentNullException.ThrowIfNull(cluster);
        var name = cluster.Metadata.Name ?? "";
        if (cluster.Spec.SyncMode == ClusterV1Alpha1.ClusterSyncMode.Pull)
        {
            throw new CliException($"cluster({name}) is in Pull mode: its API server is not reachable from the control plane.");
        }

        if (cluster.Spec.SecretRef is not { Name.Length: > 0 } secretRef || string.IsNullOrEmpty(cluster.Spec.ApiEndpoint))
        {
            throw new CliException($"cluster({name}) has no spec.apiEndpoint or spec.secretRef; re-join it with 'karmadactl join'.");
        }

        System.Text.Json.Nodes.JsonObject secret;
        try
        {
            secret = await controlPlane.GetAsync(ResourceRef.Secrets, secretRef.Namespace, secretRef.Name, cancellationToken);
        }
        catch (ApiException ex) when (ex.IsNotFound())
        {
            throw new CliException($"cluster({name}): the credential Secret {secretRef.Namespace}/{secretRef.Name} does not exist; re-join the cluster.", ex);
        }

        try
        {
            var configuration = MemberClusterClients.CreateConfiguration(name, cluster.Spec.ApiEndpoint, MemberClusterClients.ReadSecretData(secret), cluster.Spec.InsecureSkipTlsVerification);
            return new MemberConnection(name, configuration);
        }
        catch (MemberClusterConfigurationException ex)
        {
            throw new CliException(ex.Message, ex);
        }
    }

    /// <summary>The Cluster named <paramref name="name"/>, connected; errors say how to find the right name.</summary>
    public static async Task<MemberConnection> ConnectAsync(KubeApiClient controlPlane, string name, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(controlPlane);
        ClusterV1Alpha1.Cluster cluster;
        try
        {
            cluster = await controlPlane.GetAsync(ClusterResources.Clusters, null, name, ClusterResources.ClusterType, cancellationToken);
        }
        catch (ApiException ex) when (ex.IsNotFound())
        {
            throw new CliException($"cluster({name}) does not exist; 'kubectl get clusters' lists the joined clusters.", ex);
        }

        return await ConnectAsync(controlPlane, cluster, cancellationToken);
    }
}
