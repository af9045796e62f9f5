using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography.X509Certificates;
using System.Text.Json;
using k8s;
using k8s.Autorest;
using Karmada.Security.Authentication;
using Karmada.Security.Certificates;
using Karmada.Security.Kubeconfigs;
using Karmada.Security.Serving;
using Karmada.Security.Tests.Infrastructure;
using Karmada.Testing;

namespace Karmada.Security.Tests.Serving;

/// <summary>Real kubectl and the real KubernetesClient against Kestrel with the HTTPS setup and authentication under test.</summary>
[Trait("Category", "Integration")]
public sealed class SecureServingIntegrationTests : IAsyncLifetime, IDisposable
{
    private const string Unauthorized = "error: You must be logged in to the server (Unauthorized)";

    private readonly TempDirectory _temp = new("karmada-security");
    private readonly CancellationTokenSource _timeout = new(TimeSpan.FromMinutes(2));
    private SecureServingMaterial _material = null!;
    private TestApiServer _server = null!;

    private string DataDirectory => Path.Combine(_temp.Path, "data");

    private string AdminKubeconfig => Path.Combine(DataDirectory, "karmada-apiserver.config");

    public Task InitializeAsync() => StartAsync();

    public async Task DisposeAsync()
    {
        await _server.DisposeAsync();
        _material.Dispose();
    }

    public void Dispose()
    {
        _timeout.Dispose();
        _temp.Dispose();
    }

    [Theory]
    [InlineData(KubectlProcess.V127)]
    [InlineData(KubectlProcess.V133)]
    public async Task Kubectl_WrittenAdminKubeconfig_AuthenticatesWithClientCertificate(string version)
    {
        var (exitCode, stdout, stderr) = await KubectlAsync(version, "--kubeconfig", AdminKubeconfig, "get", "--raw", "/api");

        Assert.True(exitCode == 0, stderr);
        Assert.Contains("\"APIVersions\"", stdout, StringComparison.Ordinal);
        var user = Assert.Single(_server.Requests, request => request.Path == "/api").User;
        Assert.Equal(UserInfo.AdminUserName, user.Name);
        Assert.Equal([UserInfo.MastersGroup, UserInfo.AuthenticatedGroup], user.Groups);
    }

    [Theory]
    [InlineData(KubectlProcess.V127)]
    [InlineData(KubectlProcess.V133)]
    public async Task Kubectl_DiscoveryCommands_WorkWithClientCertificate(string version)
    {
        var (exitCode, stdout, stderr) = await KubectlAsync(version, "--kubeconfig", AdminKubeconfig, "api-versions");

        Assert.True(exitCode == 0, stderr);
        Assert.Contains("v1", stdout, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(KubectlProcess.V127)]
    [InlineData(KubectlProcess.V133)]
    public async Task Kubectl_TokenOnlyKubeconfig_AuthenticatesWithBearerToken(string version)
    {
        var path = await WriteKubeconfigAsync("token.config", _material.CreateAdminTokenKubeconfig());

        var (exitCode, stdout, stderr) = await KubectlAsync(version, "--kubeconfig", path, "get", "--raw", "/api");

        Assert.True(exitCode == 0, stderr);
        Assert.Contains("\"APIVersions\"", stdout, StringComparison.Ordinal);
        var user = Assert.Single(_server.Requests, request => request.Path == "/api").User;
        Assert.Equal(UserInfo.AdminUserName, user.Name);
        Assert.NotEqual(string.Empty, user.Uid);
    }

    [Theory]
    [InlineData(KubectlProcess.V127)]
    [InlineData(KubectlProcess.V133)]
    public async Task Kubectl_NoAcceptedCredentials_IsUnauthorized(string version)
    {
        // Over https kubectl never sends a request without credentials: given a kubeconfig user with none, it
        // prompts for a basic-auth password on the terminal. A basic-auth user is the closest non-interactive case:
        // the server accepts no basic auth (kube-apiserver dropped it in 1.19), so the request is anonymous.
        var path = await WriteBasicAuthKubeconfigAsync();

        var (exitCode, _, stderr) = await KubectlAsync(version, "--kubeconfig", path, "get", "--raw", "/api");

        Assert.NotEqual(0, exitCode);
        Assert.Contains(Unauthorized, stderr, StringComparison.Ordinal);
        Assert.Empty(_server.Requests);
    }

    [Theory]
    [InlineData(KubectlProcess.V127)]
    [InlineData(KubectlProcess.V133)]
    public async Task Kubectl_KubeconfigWithoutUser_PromptsInsteadOfSendingAnonymousRequest(string version)
    {
        var config = _material.CreateAdminKubeconfig();
        config.Users.Clear();
        config.Contexts[0].Context.User = null;
        var path = await WriteKubeconfigAsync("anonymous.config", config);

        var (exitCode, stdout, stderr) = await KubectlAsync(version, "--kubeconfig", path, "get", "--raw", "/api");

        Assert.NotEqual(0, exitCode);
        Assert.Contains("Please enter Username", stdout, StringComparison.Ordinal);
        Assert.Contains("EOF", stderr, StringComparison.Ordinal);
        Assert.Empty(_server.Requests);
    }

    [Theory]
    [InlineData(KubectlProcess.V127)]
    [InlineData(KubectlProcess.V133)]
    public async Task Kubectl_WrongToken_IsUnauthorized(string version)
    {
        var path = await WriteKubeconfigAsync("wrong-token.config", _material.CreateAdminTokenKubeconfig().WithToken(StaticTokenFile.GenerateToken()));

        var (exitCode, _, stderr) = await KubectlAsync(version, "--kubeconfig", path, "get", "--raw", "/api");

        Assert.NotEqual(0, exitCode);
        Assert.Contains(Unauthorized, stderr, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(KubectlProcess.V127)]
    [InlineData(KubectlProcess.V133)]
    public async Task Kubectl_ClientCertificateOfAnotherCa_IsUnauthorized(string version)
    {
        using var otherCa = CertificateAuthority.Create("intruder-ca");
        using var forged = otherCa.IssueClientCertificate(UserInfo.AdminUserName, [UserInfo.MastersGroup]);
        var config = KubeconfigWriter.CreateForClientCertificate("forged", _server.Url, _material.CertificateAuthority.CertificatePem, forged.CertificatePem, forged.PrivateKeyPem);
        var path = await WriteKubeconfigAsync("forged.config", config);

        var (exitCode, _, stderr) = await KubectlAsync(version, "--kubeconfig", path, "get", "--raw", "/api");

        Assert.NotEqual(0, exitCode);
        Assert.Contains(Unauthorized, stderr, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(KubectlProcess.V127)]
    [InlineData(KubectlProcess.V133)]
    public async Task Kubectl_HealthzWithoutCredentials_IsAllowed(string version)
    {
        var path = await WriteBasicAuthKubeconfigAsync();

        var (exitCode, stdout, stderr) = await KubectlAsync(version, "--kubeconfig", path, "get", "--raw", "/healthz");

        Assert.True(exitCode == 0, stderr);
        Assert.Equal("ok", stdout.Trim());
        Assert.True(Assert.Single(_server.Requests).User.IsAnonymous);
    }

    [Theory]
    [InlineData("localhost")]
    [InlineData("[::1]")]
    public async Task Kubectl_ServerReachedByLoopbackName_VerifiesServingCertificate(string host)
    {
        var (exitCode, stdout, stderr) = await KubectlAsync(
            KubectlProcess.V133, "--kubeconfig", AdminKubeconfig, "--server", $"https://{host}:{_server.Port}", "get", "--raw", "/api/v1");

        Assert.True(exitCode == 0, stderr);
        Assert.Contains("\"APIResourceList\"", stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task KubernetesClient_WrittenAdminKubeconfig_AuthenticatesWithClientCertificateOverHttp2()
    {
        var configuration = await KubernetesClientConfiguration.BuildConfigFromConfigFileAsync(new FileInfo(AdminKubeconfig));
        using var client = new Kubernetes(configuration);

        var version = await client.Version.GetCodeAsync(_timeout.Token);

        Assert.Equal("v1.33.0-karmada", version.GitVersion);
        var request = Assert.Single(_server.Requests, request => request.Path.StartsWith("/version", StringComparison.Ordinal));
        Assert.Equal(UserInfo.AdminUserName, request.User.Name);
        Assert.Equal("HTTP/2", request.Protocol);
    }

    [Fact]
    public async Task KubernetesClient_SyncConfigLoader_AuthenticatesWithBearerToken()
    {
        var path = await WriteKubeconfigAsync("token.config", _material.CreateAdminTokenKubeconfig());
        using var client = new Kubernetes(KubernetesClientConfiguration.BuildConfigFromConfigFile(path));

        var version = await client.Version.GetCodeAsync(_timeout.Token);

        Assert.Equal("v1.33.0-karmada", version.GitVersion);
        Assert.Equal(UserInfo.AdminUserName, Assert.Single(_server.Requests).User.Name);
    }

    [Fact]
    public async Task KubernetesClient_WrongToken_Gets401WithKubernetesStatus()
    {
        var path = await WriteKubeconfigAsync("wrong-token.config", _material.CreateAdminTokenKubeconfig().WithToken("not-a-token"));
        using var client = new Kubernetes(KubernetesClientConfiguration.BuildConfigFromConfigFile(path));

        var error = await Assert.ThrowsAsync<HttpOperationException>(() => client.CoreV1.ListNamespaceAsync(cancellationToken: _timeout.Token));

        Assert.Equal(HttpStatusCode.Unauthorized, error.Response.StatusCode);
        using var status = JsonDocument.Parse(error.Response.Content);
        Assert.Equal("Unauthorized", status.RootElement.GetProperty("reason").GetString());
        Assert.Equal(401, status.RootElement.GetProperty("code").GetInt32());
    }

    [Fact]
    public async Task HttpClient_NoCredentials_GetsExactStatusBodyAndJsonContentType()
    {
        using var client = CreateHttpClient(clientCertificate: null);

        using var response = await client.GetAsync(new Uri($"{_server.Url}/api"), _timeout.Token);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(
            """{"kind":"Status","apiVersion":"v1","metadata":{},"status":"Failure","message":"Unauthorized","reason":"Unauthorized","code":401}""",
            await response.Content.ReadAsStringAsync(_timeout.Token));
    }

    [Theory]
    [InlineData("/healthz")]
    [InlineData("/livez")]
    [InlineData("/readyz")]
    [InlineData("/version")]
    [InlineData("/version/")]
    public async Task HttpClient_NoCredentialsOnPublicInfoPath_PassesAsAnonymous(string path)
    {
        using var client = CreateHttpClient(clientCertificate: null);

        using var response = await client.GetAsync(new Uri($"{_server.Url}{path}"), _timeout.Token);

        // /livez and /readyz have no handler in the test server: 404 shows the request got past authentication.
        Assert.NotEqual(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.True(Assert.Single(_server.Requests).User.IsAnonymous);
    }

    [Theory]
    [InlineData("/healthz/etcd")]
    [InlineData("/versionx")]
    [InlineData("/HEALTHZ")]
    [InlineData("/")]
    public async Task HttpClient_NoCredentialsElsewhere_IsUnauthorized(string path)
    {
        using var client = CreateHttpClient(clientCertificate: null);

        using var response = await client.GetAsync(new Uri($"{_server.Url}{path}"), _timeout.Token);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task HttpClient_ClientCertificateOverHttp2_ReachesHandlerWithUserInFeatureAndItems()
    {
        using var client = CreateHttpClient(_material.AdminCertificate.Certificate);
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri($"{_server.Url}/whoami"))
        {
            Version = HttpVersion.Version20,
            VersionPolicy = HttpVersionPolicy.RequestVersionExact,
        };

        using var response = await client.SendAsync(request, _timeout.Token);

        response.EnsureSuccessStatusCode();
        var whoami = await response.Content.ReadFromJsonAsync<JsonElement>(_timeout.Token);
        Assert.Equal(UserInfo.AdminUserName, whoami.GetProperty("name").GetString());
        Assert.Equal(string.Empty, whoami.GetProperty("uid").GetString());
        Assert.Equal("HTTP/2", whoami.GetProperty("protocol").GetString());
        Assert.True(whoami.GetProperty("sameInItems").GetBoolean());
    }

    [Fact]
    public async Task HttpClient_InvalidCertificateButValidToken_AuthenticatesWithToken()
    {
        using var otherCa = CertificateAuthority.Create("intruder-ca");
        using var forged = otherCa.IssueClientCertificate("mallory", []);
        using var client = CreateHttpClient(forged.Certificate);
        client.DefaultRequestHeaders.Authorization = new("Bearer", _material.AdminToken);

        using var response = await client.GetAsync(new Uri($"{_server.Url}/whoami"), _timeout.Token);

        response.EnsureSuccessStatusCode();
        Assert.Equal(UserInfo.AdminUserName, Assert.Single(_server.Requests).User.Name);
    }

    [Fact]
    public async Task Restart_SameDirectory_ReusesCredentialsSoOldKubeconfigsKeepWorking()
    {
        var tokenKubeconfig = await WriteKubeconfigAsync("token.config", _material.CreateAdminTokenKubeconfig());
        var certificateKubeconfig = Path.Combine(_temp.Path, "copy-of-admin.config");
        File.Copy(AdminKubeconfig, certificateKubeconfig);
        var caThumbprint = _material.CertificateAuthority.Certificate.Thumbprint;
        var servingThumbprint = _material.ServingCertificate.Certificate.Thumbprint;
        await DisposeAsync();

        await StartAsync();

        Assert.Equal(caThumbprint, _material.CertificateAuthority.Certificate.Thumbprint);
        Assert.Equal(servingThumbprint, _material.ServingCertificate.Certificate.Thumbprint);
        foreach (var path in new[] { certificateKubeconfig, tokenKubeconfig })
        {
            var (exitCode, stdout, stderr) = await KubectlAsync(KubectlProcess.V133, "--kubeconfig", path, "--server", _server.Url, "get", "--raw", "/api");
            Assert.True(exitCode == 0, stderr);
            Assert.Contains("\"APIVersions\"", stdout, StringComparison.Ordinal);
        }

        var configuration = KubernetesClientConfiguration.BuildConfigFromConfigFile(certificateKubeconfig, masterUrl: _server.Url);
        using var client = new Kubernetes(configuration);
        Assert.Equal("v1.33.0-karmada", (await client.Version.GetCodeAsync(_timeout.Token)).GitVersion);
    }

    /// <summary>Prepares the data directory for a free port and starts the server there, as `karmada apiserver` would.</summary>
    private async Task StartAsync()
    {
        for (var attempt = 1; ; attempt++)
        {
            // The kubeconfig must name the port before the server binds it, so a port is picked first; another
            // process may grab it in between, hence the retry.
            var port = TestApiServer.FindFreePort();
            _material = await SecureServingBootstrap.EnsureAsync(DataDirectory, "127.0.0.1", port, "karmada-apiserver.config", logger: null, _timeout.Token);
            try
            {
                _server = await TestApiServer.StartAsync(_material, port, _timeout.Token);
                return;
            }
            catch (IOException) when (attempt < 3)
            {
                _material.Dispose();
            }
        }
    }

    private Task<(int ExitCode, string StandardOutput, string StandardError)> KubectlAsync(string version, params string[] arguments) =>
        KubectlProcess.RunAsync(version, _temp.Path, arguments, _timeout.Token);

    private async Task<string> WriteKubeconfigAsync(string fileName, Kubeconfig config)
    {
        var path = Path.Combine(_temp.Path, fileName);
        await KubeconfigWriter.WriteAsync(path, config, _timeout.Token);
        return path;
    }

    private async Task<string> WriteBasicAuthKubeconfigAsync()
    {
        var path = Path.Combine(_temp.Path, "basic-auth.config");
        var yaml = $$"""
            apiVersion: v1
            kind: Config
            clusters:
            - name: c
              cluster:
                server: {{_server.Url}}
                certificate-authority-data: {{Kubeconfig.EncodeData(_material.CertificateAuthority.CertificatePem)}}
            contexts:
            - name: c
              context: {cluster: c, user: u}
            current-context: c
            users:
            - name: u
              user: {username: admin, password: admin}
            """;
        await File.WriteAllTextAsync(path, yaml, _timeout.Token);
        return path;
    }

    private HttpClient CreateHttpClient(X509Certificate2? clientCertificate)
    {
        var ca = _material.CertificateAuthority.Certificate;
        var handler = new SocketsHttpHandler
        {
            SslOptions =
            {
                RemoteCertificateValidationCallback = (_, certificate, _, _) =>
                    certificate is X509Certificate2 server && ChainVerifier.Verify(server, ca, ChainVerifier.ServerAuthentication, DateTimeOffset.UtcNow, out _),
            },
        };
        if (clientCertificate is not null)
        {
            handler.SslOptions.ClientCertificates = [clientCertificate];
        }

        return new HttpClient(handler);
    }
}
