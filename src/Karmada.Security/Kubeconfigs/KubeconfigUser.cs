using YamlDotNet.Serialization;

namespace Karmada.Security.Kubeconfigs;

/// <summary>Credentials: a client certificate and key, a bearer token, or both.</summary>
public sealed class KubeconfigUser
{
    /// <summary>Base64 of the PEM client certificate.</summary>
    [YamlMember(Alias = "client-certificate-data", Order = 0)]
    public string? ClientCertificateData { get; set; }

    /// <summary>Path of a PEM client certificate file.</summary>
    [YamlMember(Alias = "client-certificate", Order = 1)]
    public string? ClientCertificate { get; set; }

    /// <summary>Base64 of the PEM private key of the client certificate.</summary>
    [YamlMember(Alias = "client-key-data", Order = 2)]
    public string? ClientKeyData { get; set; }

    /// <summary>Path of a PEM private key file.</summary>
    [YamlMember(Alias = "client-key", Order = 3)]
    public string? ClientKey { get; set; }

    /// <summary>A bearer token.</summary>
    [YamlMember(Alias = "token", Order = 4)]
    public string? Token { get; set; }

    /// <summary>Path of a file holding a bearer token.</summary>
    [YamlMember(Alias = "tokenFile", Order = 5)]
    public string? TokenFile { get; set; }
}
