using YamlDotNet.Serialization;

namespace Karmada.Security.Kubeconfigs;

/// <summary>How to reach and trust one API server.</summary>
public sealed class KubeconfigCluster
{
    /// <summary>The server URL, <c>https://host:port</c>.</summary>
    [YamlMember(Alias = "server", Order = 0)]
    public string Server { get; set; } = string.Empty;

    /// <summary>Base64 of the PEM CA certificate(s) that sign the server's certificate.</summary>
    [YamlMember(Alias = "certificate-authority-data", Order = 1)]
    public string? CertificateAuthorityData { get; set; }

    /// <summary>Path of a PEM CA file, the file form of <see cref="CertificateAuthorityData"/>.</summary>
    [YamlMember(Alias = "certificate-authority", Order = 2)]
    public string? CertificateAuthority { get; set; }

    /// <summary>Skip server certificate verification (development only).</summary>
    [YamlMember(Alias = "insecure-skip-tls-verify", Order = 3)]
    public bool? InsecureSkipTlsVerify { get; set; }

    /// <summary>The name to verify the server certificate against instead of the URL's host.</summary>
    [YamlMember(Alias = "tls-server-name", Order = 4)]
    public string? TlsServerName { get; set; }
}
