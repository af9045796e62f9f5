using System.Text.Json.Nodes;
using Karmada.ApiServer.Http;
using Karmada.ApiServer.Registry;
using Karmada.Security.Kubeconfigs;

namespace Karmada.ApiServer.Authentication;

/// <summary>
/// kubeadm's <c>kube-public/cluster-info</c> ConfigMap: a kubeconfig with the server URL and CA, readable without
/// credentials (<see cref="Path"/> is an anonymous path) so that <c>karmadactl register</c> can discover the CA and pin
/// it against <c>--discovery-token-ca-cert-hash</c> before it sends its bootstrap token.
/// </summary>
public static class ClusterInfoPublisher
{
    /// <summary>The ConfigMap's URL path.</summary>
    public const string Path = "/api/v1/namespaces/kube-public/configmaps/cluster-info";

    /// <summary>Creates or refreshes the ConfigMap for <paramref name="serverUrl"/> and the CA <paramref name="caPem"/>.</summary>
    public static async Task PublishAsync(ObjectService objects, string serverUrl, string caPem, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(objects);
        if (objects.Catalog.Find("", "v1", "configmaps") is not { } configMaps)
        {
            return;
        }

        var kubeconfig = new Kubeconfig
        {
            Clusters = [new KubeconfigNamedCluster { Name = "", Cluster = new KubeconfigCluster { Server = serverUrl, CertificateAuthorityData = Kubeconfig.EncodeData(caPem) } }],
        };
        var data = new JsonObject { ["kubeconfig"] = KubeconfigWriter.Serialize(kubeconfig) };
        var existing = await objects.GetAsync(configMaps, "kube-public", "cluster-info", cancellationToken);
        if (existing is null)
        {
            try
            {
                await objects.CreateAsync(configMaps, "kube-public", new JsonObject { ["metadata"] = new JsonObject { ["name"] = "cluster-info", ["namespace"] = "kube-public" }, ["data"] = data }, WriteOptions.Default, cancellationToken);
                return;
            }
            catch (ApiException ex) when (ex.Status.Code == 409)
            {
                existing = await objects.GetAsync(configMaps, "kube-public", "cluster-info", cancellationToken);
            }
        }

        var current = existing!.ToJsonObject();
        if (JsonNode.DeepEquals(current["data"], data))
        {
            return;
        }

        current["data"] = data;
        await objects.UpdateAsync(configMaps, "kube-public", "cluster-info", current, "", WriteOptions.Default, cancellationToken);
    }
}
