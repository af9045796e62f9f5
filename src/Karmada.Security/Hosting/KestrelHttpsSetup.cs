using System.Net.Security;
using System.Security.Authentication;
using System.Security.Cryptography.X509Certificates;
using Karmada.Security.Authentication;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.AspNetCore.Server.Kestrel.Https;

namespace Karmada.Security.Hosting;

/// <summary>
/// HTTPS the way kube-apiserver serves it: TLS 1.2/1.3, HTTP/1.1 and HTTP/2 (ALPN), and client certificates
/// requested but optional, so bearer-token clients connect without one.
/// </summary>
/// <remarks>
/// A presented client certificate is not judged in the handshake: like kube-apiserver (Go's
/// <c>tls.RequestClientCert</c> plus the x509 authenticator), the connection is accepted and
/// <see cref="ClientCertificateAuthenticator"/> verifies the certificate per request against the client CA, so an
/// untrusted certificate yields the Kubernetes 401 Status instead of an opaque TLS alert, and a valid bearer token
/// still works beside it. The handshake's own chain building is nonetheless confined to the client CA, with no
/// revocation checks and no certificate downloads, so a hostile certificate never makes the server fetch URLs or
/// consult the operating system's trust store. On Linux and macOS the client CA is also announced in the
/// CertificateRequest, so clients holding several certificates pick the right one.
/// </remarks>
public static class KestrelHttpsSetup
{
    /// <summary>Makes <paramref name="listenOptions"/> an HTTPS endpoint with <paramref name="servingCertificate"/>.</summary>
    /// <param name="listenOptions">The endpoint, from <c>KestrelServerOptions.Listen(...)</c>.</param>
    /// <param name="servingCertificate">The server's certificate, with its private key.</param>
    /// <param name="clientCa">The CA whose client certificates the server accepts (public part suffices).</param>
    /// <returns><paramref name="listenOptions"/>, for chaining.</returns>
    public static ListenOptions Configure(ListenOptions listenOptions, X509Certificate2 servingCertificate, X509Certificate2 clientCa)
    {
        ArgumentNullException.ThrowIfNull(listenOptions);
        ArgumentNullException.ThrowIfNull(servingCertificate);
        ArgumentNullException.ThrowIfNull(clientCa);

        listenOptions.Protocols = HttpProtocols.Http1AndHttp2;
        var apply = CreateApplier(servingCertificate, clientCa);
        listenOptions.UseHttps(apply);
        return listenOptions;
    }

    /// <summary>
    /// Makes HTTPS with these settings the default of every endpoint of <paramref name="options"/>; endpoints then
    /// call <c>listenOptions.UseHttps()</c> (or come from configuration with an https URL).
    /// </summary>
    public static KestrelServerOptions Configure(KestrelServerOptions options, X509Certificate2 servingCertificate, X509Certificate2 clientCa)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(servingCertificate);
        ArgumentNullException.ThrowIfNull(clientCa);

        options.ConfigureEndpointDefaults(listenOptions => listenOptions.Protocols = HttpProtocols.Http1AndHttp2);
        options.ConfigureHttpsDefaults(CreateApplier(servingCertificate, clientCa));
        return options;
    }

    private static SslCertificateTrust? AnnounceClientCa(X509Certificate2 clientCa)
    {
        try
        {
            return SslCertificateTrust.CreateForX509Collection([clientCa], sendTrustInHandshake: true);
        }
        catch (PlatformNotSupportedException)
        {
            // Windows can only announce the contents of a certificate store; clients then simply get no CA list.
            return null;
        }
    }

    private static Action<HttpsConnectionAdapterOptions> CreateApplier(X509Certificate2 servingCertificate, X509Certificate2 clientCa)
    {
        if (!servingCertificate.HasPrivateKey)
        {
            throw new ArgumentException("The serving certificate needs its private key.", nameof(servingCertificate));
        }

        // One context for all connections: building it resolves the chain once instead of per handshake.
        var context = SslStreamCertificateContext.Create(
            servingCertificate,
            additionalCertificates: null,
            offline: true,
            trust: AnnounceClientCa(clientCa));
        var chainPolicy = new X509ChainPolicy
        {
            TrustMode = X509ChainTrustMode.CustomRootTrust,
            RevocationMode = X509RevocationMode.NoCheck,
            DisableCertificateDownloads = true,
        };
        chainPolicy.CustomTrustStore.Add(clientCa);

        return https =>
        {
            https.ServerCertificate = servingCertificate;
            https.SslProtocols = SslProtocols.Tls12 | SslProtocols.Tls13;
            https.ClientCertificateMode = ClientCertificateMode.AllowCertificate;
            https.CheckCertificateRevocation = false;

            // Accept whatever the client presents; the authenticator decides per request (see the remarks).
            https.ClientCertificateValidation = static (_, _, _) => true;
            https.OnAuthenticate = (_, ssl) =>
            {
                ssl.ServerCertificate = null;
                ssl.ServerCertificateSelectionCallback = null;
                ssl.ServerCertificateContext = context;
                ssl.CertificateChainPolicy = chainPolicy.Clone();
            };
        };
    }
}
