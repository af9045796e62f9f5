using System.Diagnostics;
using System.Net;
using System.Net.Security;
using System.Security.Cryptography.X509Certificates;
using Karmada.Security.Authentication;
using Karmada.Security.Certificates;
using Karmada.Security.Hosting;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace Karmada.Security.Tests.Hosting;

[Trait("Category", "Integration")]
public sealed class KestrelHttpsSetupTests : IAsyncLifetime, IDisposable
{
    private readonly CertificateAuthority _ca = CertificateAuthority.Create();
    private readonly CancellationTokenSource _timeout = new(TimeSpan.FromMinutes(1));
    private IssuedCertificate _serving = null!;
    private WebApplication _app = null!;
    private Uri _baseUri = null!;

    public async Task InitializeAsync()
    {
        _serving = _ca.IssueServingCertificate("server", ServingCertificateNames.Create([]));
        var builder = WebApplication.CreateBuilder();
        builder.Logging.ClearProviders();
        builder.Services.AddKubernetesAuthentication(_ca.Certificate);

        // The KestrelServerOptions overload: HTTPS defaults for every endpoint, which then only call UseHttps().
        builder.WebHost.ConfigureKestrel(kestrel =>
        {
            KestrelHttpsSetup.Configure(kestrel, _serving.Certificate, _ca.Certificate);
            kestrel.Listen(IPAddress.Loopback, 0, listen => listen.UseHttps());
        });
        _app = builder.Build();
        _app.UseKubernetesAuthentication();
        _app.MapGet("/whoami", (HttpContext context) => $"{context.GetKubernetesUser()!.Name} {context.Request.Protocol}");
        await _app.StartAsync(_timeout.Token);
        _baseUri = new Uri(_app.Urls.Single());
    }

    public async Task DisposeAsync()
    {
        await _app.StopAsync(_timeout.Token);
        await _app.DisposeAsync();
        _serving.Dispose();
    }

    public void Dispose()
    {
        _timeout.Dispose();
        _ca.Dispose();
    }

    [Fact]
    public async Task Configure_KestrelServerOptions_ServesHttp2AndAuthenticatesClientCertificates()
    {
        using var client = _ca.IssueClientCertificate("alice", []);
        using var http = CreateClient(client.Certificate);

        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(_baseUri, "/whoami"))
        {
            Version = HttpVersion.Version20,
            VersionPolicy = HttpVersionPolicy.RequestVersionExact,
        };
        using var response = await http.SendAsync(request, _timeout.Token);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("alice HTTP/2", await response.Content.ReadAsStringAsync(_timeout.Token));
    }

    [Fact]
    public async Task Handshake_AnnouncesTheClientCaAsTheAcceptableIssuer()
    {
        if (OperatingSystem.IsWindows())
        {
            return;
        }

        // .NET's client does not surface the server's CA list on Linux, so OpenSSL's client reports it instead.
        var openssl = new ProcessStartInfo("openssl")
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in new[] { "s_client", "-connect", $"127.0.0.1:{_baseUri.Port}", "-servername", "localhost" })
        {
            openssl.ArgumentList.Add(argument);
        }

        using var process = Process.Start(openssl)!;
        process.StandardInput.Close();
        var output = process.StandardOutput.ReadToEndAsync(_timeout.Token);
        var errors = process.StandardError.ReadToEndAsync(_timeout.Token);
        await process.WaitForExitAsync(_timeout.Token);

        var text = await output;
        Assert.True(text.Contains("Acceptable client certificate CA names", StringComparison.Ordinal), text + await errors);
        var names = text[text.IndexOf("Acceptable client certificate CA names", StringComparison.Ordinal)..].Split('\n');
        Assert.Equal("CN = karmada-ca", names[1].Trim());
    }

    [Fact]
    public async Task Handshake_UntrustedClientCertificate_IsAcceptedThenAnswered401()
    {
        using var otherCa = CertificateAuthority.Create("other");
        using var forged = otherCa.IssueClientCertificate("alice", []);
        using var http = CreateClient(forged.Certificate);

        using var response = await http.GetAsync(new Uri(_baseUri, "/whoami"), _timeout.Token);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    private HttpClient CreateClient(X509Certificate2 clientCertificate)
    {
        var ca = _ca.Certificate;
        var handler = new SocketsHttpHandler
        {
            SslOptions = new SslClientAuthenticationOptions
            {
                RemoteCertificateValidationCallback = (_, certificate, _, _) =>
                    certificate is X509Certificate2 server && ChainVerifier.Verify(server, ca, ChainVerifier.ServerAuthentication, DateTimeOffset.UtcNow, out _),
                ClientCertificates = [clientCertificate],
            },
        };
        return new HttpClient(handler);
    }
}
