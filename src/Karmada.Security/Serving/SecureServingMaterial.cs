using Karmada.Security.Authentication;
using Karmada.Security.Certificates;
using Karmada.Security.Hosting;
using Karmada.Security.Kubeconfigs;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.DependencyInjection;

namespace Karmada.Security.Serving;

/// <summary>Everything a server needs to serve HTTPS and authenticate callers, and its administrator needs to connect.</summary>
public sealed class SecureServingMaterial : IDisposable
{
    internal SecureServingMaterial(
        string name,
        CertificateAuthority certificateAuthority,
        IssuedCertificate servingCertificate,
        IssuedCertificate adminCertificate,
        StaticTokenFile tokens,
        string adminToken,
        string serverUrl,
        string? kubeconfigPath)
    {
        Name = name;
        CertificateAuthority = certificateAuthority;
        ServingCertificate = servingCertificate;
        AdminCertificate = adminCertificate;
        Tokens = tokens;
        AdminToken = adminToken;
        ServerUrl = serverUrl;
        KubeconfigPath = kubeconfigPath;
    }

    /// <summary>The server's name (kubeconfig cluster, user and context name).</summary>
    public string Name { get; }

    /// <summary>The CA that signs the serving and client certificates and is trusted for client certificates.</summary>
    public CertificateAuthority CertificateAuthority { get; }

    /// <summary>The serving certificate with its key, for Kestrel.</summary>
    public IssuedCertificate ServingCertificate { get; }

    /// <summary>The administrator's client certificate (<c>kubernetes-admin</c> in <c>system:masters</c>).</summary>
    public IssuedCertificate AdminCertificate { get; }

    /// <summary>The static token file (<c>tokens.csv</c>); register it as an <see cref="ITokenAuthenticator"/>.</summary>
    public StaticTokenFile Tokens { get; }

    /// <summary>The administrator's bearer token (<c>kubernetes-admin</c> in <c>system:masters</c>).</summary>
    public string AdminToken { get; }

    /// <summary>The URL clients should use, <c>https://ADVERTISE:PORT</c>.</summary>
    public string ServerUrl { get; }

    /// <summary>The kubeconfig written, or null when none was asked for.</summary>
    public string? KubeconfigPath { get; }

    /// <summary>Makes <paramref name="listenOptions"/> serve HTTPS with these certificates (see <see cref="KestrelHttpsSetup"/>).</summary>
    public ListenOptions ConfigureHttps(ListenOptions listenOptions) =>
        KestrelHttpsSetup.Configure(listenOptions, ServingCertificate.Certificate, CertificateAuthority.Certificate);

    /// <summary>
    /// Registers authentication against this material: client certificates of the CA and the static token file
    /// (other <see cref="ITokenAuthenticator"/>s may be added to the container as well).
    /// </summary>
    public IServiceCollection AddAuthentication(IServiceCollection services, Action<KubernetesAuthenticationOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(services);

        services.AddSingleton<ITokenAuthenticator>(Tokens);
        return services.AddKubernetesAuthentication(CertificateAuthority.Certificate, configure);
    }

    /// <summary>The administrator's kubeconfig with client certificate credentials.</summary>
    /// <param name="serverUrl">The server URL; <see cref="ServerUrl"/> when null (for example once Kestrel picked a port).</param>
    public Kubeconfig CreateAdminKubeconfig(string? serverUrl = null) =>
        KubeconfigWriter.CreateForClientCertificate(Name, serverUrl ?? ServerUrl, CertificateAuthority.CertificatePem, AdminCertificate.CertificatePem, AdminCertificate.PrivateKeyPem);

    /// <summary>The administrator's kubeconfig with the bearer token as the credential.</summary>
    public Kubeconfig CreateAdminTokenKubeconfig(string? serverUrl = null) =>
        KubeconfigWriter.CreateForToken(Name, serverUrl ?? ServerUrl, CertificateAuthority.CertificatePem, AdminToken);

    /// <summary>Writes <see cref="CreateAdminKubeconfig"/> to <paramref name="path"/> with mode 0600.</summary>
    public Task WriteAdminKubeconfigAsync(string path, string? serverUrl, CancellationToken cancellationToken) =>
        KubeconfigWriter.WriteAsync(path, CreateAdminKubeconfig(serverUrl), cancellationToken);

    /// <inheritdoc />
    public void Dispose()
    {
        ServingCertificate.Dispose();
        AdminCertificate.Dispose();
        Tokens.Dispose();
        CertificateAuthority.Dispose();
    }
}
