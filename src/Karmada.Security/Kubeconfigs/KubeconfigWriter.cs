using Karmada.Security.IO;
using YamlDotNet.Serialization;

namespace Karmada.Security.Kubeconfigs;

/// <summary>Builds kubeconfig files and writes them as YAML with mode 0600 (they hold credentials).</summary>
public static class KubeconfigWriter
{
    private static readonly ISerializer Serializer = new SerializerBuilder()
        .ConfigureDefaultValuesHandling(DefaultValuesHandling.OmitNull)
        .WithQuotingNecessaryStrings()
        .DisableAliases()
        .Build();

    /// <summary>Renders <paramref name="config"/> as YAML.</summary>
    public static string Serialize(Kubeconfig config)
    {
        ArgumentNullException.ThrowIfNull(config);
        return Serializer.Serialize(config);
    }

    /// <summary>Writes <paramref name="config"/> to <paramref name="path"/> atomically, mode 0600.</summary>
    public static Task WriteAsync(string path, Kubeconfig config, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        return SecureFile.WriteAllTextAsync(path, Serialize(config), secret: true, cancellationToken);
    }

    /// <summary>
    /// A kubeconfig with one cluster, one user authenticating with a client certificate, and one context, all named
    /// <paramref name="clusterName"/> (the shape of Karmada's <c>karmada-apiserver.config</c>), which is current.
    /// </summary>
    public static Kubeconfig CreateForClientCertificate(
        string clusterName, string serverUrl, string caPem, string clientCertificatePem, string clientKeyPem)
    {
        ArgumentException.ThrowIfNullOrEmpty(clientCertificatePem);
        ArgumentException.ThrowIfNullOrEmpty(clientKeyPem);

        return Create(clusterName, serverUrl, caPem, new KubeconfigUser
        {
            ClientCertificateData = Kubeconfig.EncodeData(clientCertificatePem),
            ClientKeyData = Kubeconfig.EncodeData(clientKeyPem),
        });
    }

    /// <summary>Like <see cref="CreateForClientCertificate"/> with a bearer token as the credential.</summary>
    public static Kubeconfig CreateForToken(string clusterName, string serverUrl, string caPem, string token)
    {
        ArgumentException.ThrowIfNullOrEmpty(token);

        return Create(clusterName, serverUrl, caPem, new KubeconfigUser { Token = token });
    }

    /// <summary>Writes the administrator's kubeconfig (client certificate credentials) to <paramref name="path"/>, mode 0600.</summary>
    /// <param name="path">The file to write, for example <c>DIR/karmada-apiserver.config</c>.</param>
    /// <param name="clusterName">The cluster, user and context name.</param>
    /// <param name="serverUrl">The server URL, <c>https://host:port</c>.</param>
    /// <param name="caPem">The PEM CA certificate that signed the serving certificate.</param>
    /// <param name="clientCertificatePem">The administrator's PEM client certificate.</param>
    /// <param name="clientKeyPem">The administrator's PEM private key.</param>
    /// <param name="cancellationToken">Cancels the write.</param>
    public static Task WriteAdminAsync(
        string path,
        string clusterName,
        string serverUrl,
        string caPem,
        string clientCertificatePem,
        string clientKeyPem,
        CancellationToken cancellationToken) =>
        WriteAsync(path, CreateForClientCertificate(clusterName, serverUrl, caPem, clientCertificatePem, clientKeyPem), cancellationToken);

    private static Kubeconfig Create(string clusterName, string serverUrl, string caPem, KubeconfigUser user)
    {
        ArgumentException.ThrowIfNullOrEmpty(clusterName);
        ArgumentException.ThrowIfNullOrEmpty(serverUrl);
        ArgumentException.ThrowIfNullOrEmpty(caPem);

        return new Kubeconfig
        {
            Clusters =
            [
                new KubeconfigNamedCluster
                {
                    Name = clusterName,
                    Cluster = new KubeconfigCluster { Server = serverUrl, CertificateAuthorityData = Kubeconfig.EncodeData(caPem) },
                },
            ],
            Contexts = [new KubeconfigNamedContext { Name = clusterName, Context = new KubeconfigContext { Cluster = clusterName, User = clusterName } }],
            CurrentContext = clusterName,
            Users = [new KubeconfigNamedUser { Name = clusterName, User = user }],
        };
    }
}
