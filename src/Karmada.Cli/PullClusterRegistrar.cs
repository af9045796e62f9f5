using System.Security.Cryptography.X509Certificates;
using k8s;
using Karmada.Client;
using Karmada.Security.Authentication;
using Karmada.Security.Kubeconfigs;

namespace Karmada.Cli;

/// <summary>
/// The steps of <c>karmadactl register</c> (upstream <c>pkg/karmadactl/register</c>, kubeadm's token discovery):
/// discover the control plane's CA from <c>kube-public/cluster-info</c> and pin it against
/// <c>--discovery-token-ca-cert-hash</c>, then, authenticated by the bootstrap token over the pinned CA, obtain the
/// agent's long-lived credential. The credential is a bootstrap-token Secret without expiry dedicated to the agent
/// (group <see cref="AgentGroup"/>), not upstream's CSR-signed client certificate.
/// </summary>
public static class PullClusterRegistrar
{
    /// <summary>Extra group of agent credentials.</summary>
    public const string AgentGroup = "system:bootstrappers:karmada:agent";

    /// <summary>The control plane URL for an endpoint given as <c>host:port</c> or a URL.</summary>
    public static string ServerUrl(string endpoint)
    {
        ArgumentException.ThrowIfNullOrEmpty(endpoint);
        var url = endpoint.Contains("://", StringComparison.Ordinal) ? endpoint : "https://" + endpoint;
        return Uri.TryCreate(url, UriKind.Absolute, out var uri) && uri.Scheme == "https"
            ? uri.GetLeftPart(UriPartial.Authority)
            : throw new CliException($"'{endpoint}' is not a control plane endpoint; pass host:port or https://host:port.");
    }

    /// <summary>
    /// Reads the CA from the control plane's <c>cluster-info</c> (over unverified TLS: nothing secret is sent) and
    /// checks it against <paramref name="caCertHashes"/>; returns the CA PEM.
    /// </summary>
    public static async Task<string> DiscoverCaAsync(string serverUrl, IReadOnlyCollection<string> caCertHashes, bool unsafeSkipCaVerification, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(caCertHashes);
        if (caCertHashes.Count == 0 && !unsafeSkipCaVerification)
        {
            throw new CliException("pass --discovery-token-ca-cert-hash (printed by 'karmadactl token create --print-register-command'), or --discovery-token-unsafe-skip-ca-verification.");
        }

        using var anonymous = new KubeApiClient(new KubernetesClientConfiguration { Host = serverUrl, SkipTlsVerify = true }, new KubeApiClientOptions { RequestTimeout = TimeSpan.FromSeconds(15), UserAgent = "karmadactl" });
        System.Text.Json.Nodes.JsonObject clusterInfo;
        try
        {
            clusterInfo = await anonymous.GetAsync(ResourceRef.ConfigMaps, "kube-public", "cluster-info", cancellationToken);
        }
        catch (Exception ex) when (ex is ApiException or HttpRequestException or IOException or TimeoutException)
        {
            throw new CliException($"cannot read kube-public/cluster-info from {serverUrl}: {ex.Message}", ex);
        }

        var kubeconfigText = clusterInfo["data"]?["kubeconfig"]?.GetValue<string>()
            ?? throw new CliException($"kube-public/cluster-info on {serverUrl} has no kubeconfig.");
        var caData = KubeconfigReader.Parse(kubeconfigText).Clusters.FirstOrDefault()?.Cluster.CertificateAuthorityData
            ?? throw new CliException($"kube-public/cluster-info on {serverUrl} has no certificate-authority-data.");
        var caPem = Kubeconfig.DecodeData(caData);
        using var ca = X509Certificate2.CreateFromPem(caPem);
        var actual = BootstrapToken.CaCertHash(ca);
        if (!unsafeSkipCaVerification && !caCertHashes.Contains(actual, StringComparer.OrdinalIgnoreCase))
        {
            throw new CliException($"the control plane's CA has hash {actual}, which matches none of --discovery-token-ca-cert-hash; refusing to send the token.");
        }

        return caPem;
    }

    /// <summary>
    /// With the bootstrap token, over the pinned CA: checks the cluster name is free for a Pull cluster, creates the
    /// agent's credential and returns the agent's kubeconfig.
    /// </summary>
    public static async Task<Kubeconfig> ObtainAgentKubeconfigAsync(string serverUrl, string caPem, string bootstrapToken, string clusterName, DateTimeOffset now, CancellationToken cancellationToken)
    {
        if (!BootstrapToken.TryParse(bootstrapToken, out _, out _))
        {
            throw new CliException("--token must be a bootstrap token of the form [a-z0-9]{6}.[a-z0-9]{16}.");
        }

        var caCerts = new X509Certificate2Collection();
        caCerts.ImportFromPem(caPem);
        var configuration = new KubernetesClientConfiguration { Host = serverUrl, SslCaCerts = caCerts, AccessToken = bootstrapToken };
        using var controlPlane = await KubeClients.ConnectAsync(configuration, "Karmada control plane", "the endpoint", cancellationToken);
        try
        {
            var existing = await controlPlane.GetAsync(ClusterResources.Clusters, null, clusterName, ClusterResources.ClusterType, cancellationToken);
            if (existing.Spec.SyncMode != Api.Cluster.V1Alpha1.ClusterSyncMode.Pull)
            {
                throw new CliException($"cluster '{clusterName}' is already joined in {existing.Spec.SyncMode} mode; unjoin it first or pick another --cluster-name.");
            }
        }
        catch (ApiException ex) when (ex.IsNotFound())
        {
            // Free: the agent registers it.
        }
        catch (ApiException ex) when (ex.StatusCode == System.Net.HttpStatusCode.Unauthorized)
        {
            throw new CliException("the control plane refused the bootstrap token (unknown, expired or deleted); create one with 'karmadactl token create'.", ex);
        }

        var credential = await BootstrapTokenSecrets.CreateAsync(controlPlane, null, TimeSpan.Zero, $"karmada-agent credential of cluster {clusterName}", [AgentGroup], now, cancellationToken);
        return KubeconfigWriter.CreateForToken("karmada-apiserver", serverUrl, caPem, credential);
    }
}
