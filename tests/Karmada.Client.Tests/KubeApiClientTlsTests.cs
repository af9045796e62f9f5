using System.Security.Cryptography.X509Certificates;
using System.Text;
using System.Text.Json.Nodes;
using Karmada.Client.Tests.Fakes;
using Karmada.Testing;

namespace Karmada.Client.Tests;

[Trait("Category", "Integration")]
public sealed class KubeApiClientTlsTests : IAsyncLifetime
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(15);
    private readonly TempDirectory _directory = new("karmada-client-tls");
    private X509Certificate2 _serverCertificate = null!;
    private FakeApiServer _server = null!;

    public async Task InitializeAsync()
    {
        _serverCertificate = TestCertificates.CreateServer();
        _server = await FakeApiServer.StartAsync(_serverCertificate);
    }

    public async Task DisposeAsync()
    {
        await _server.DisposeAsync();
        _serverCertificate.Dispose();
        _directory.Dispose();
    }

    [Fact]
    public async Task Kubeconfig_WithCaTokenAndClientCertificate_AuthenticatesBothWays()
    {
        using var cts = new CancellationTokenSource(Timeout);
        var (certificatePem, keyPem) = TestCertificates.CreateClientPem("karmada-admin");
        var path = WriteKubeconfig(
            $"certificate-authority-data: {Base64(_serverCertificate.ExportCertificatePem())}",
            $"""
                token: sekret-token
                client-certificate-data: {Base64(certificatePem)}
                client-key-data: {Base64(keyPem)}
            """);
        using var client = await KubeApiClient.FromKubeconfigAsync(path);
        _server.Put(TestResources.WidgetsCollection, FakeApiServer.Widget("team-a", "w1"));

        var widget = await client.GetAsync(TestResources.Widgets, client.DefaultNamespace, "w1", cts.Token);

        Assert.Equal("team-a", client.DefaultNamespace);
        Assert.Equal("w1", JsonObjectMeta.GetName(widget));
        var request = Assert.Single(_server.Requests);
        Assert.Equal("Bearer sekret-token", request.Authorization);
        Assert.Contains("CN=karmada-admin", request.ClientCertificateSubject, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Watch_OverTls_StreamsEvents()
    {
        using var cts = new CancellationTokenSource(Timeout);
        var path = WriteKubeconfig($"certificate-authority-data: {Base64(_serverCertificate.ExportCertificatePem())}", "    token: t");
        using var client = await KubeApiClient.FromKubeconfigAsync(path);
        var received = new TaskCompletionSource<WatchEvent<JsonObject>>(TaskCreationOptions.RunContinuationsAsynchronously);
        var consume = Task.Run(async () =>
        {
            await foreach (var e in client.WatchAsync(TestResources.Widgets, "team-a", cancellationToken: cts.Token))
            {
                received.TrySetResult(e);
            }
        }, cts.Token);
        var watch = await _server.NextWatchAsync(Timeout);

        var widget = FakeApiServer.Widget("team-a", "w1");
        JsonObjectMeta.SetResourceVersion(widget, "7");
        await watch.SendEventAsync("ADDED", widget);

        var first = await received.Task.WaitAsync(cts.Token);
        Assert.Equal(WatchEventType.Added, first.Type);
        watch.Close();
        await consume;
    }

    [Fact]
    public async Task Kubeconfig_WithAnotherCa_RejectsTheServer()
    {
        using var cts = new CancellationTokenSource(Timeout);
        using var otherCa = TestCertificates.CreateServer("someone-else");
        var path = WriteKubeconfig($"certificate-authority-data: {Base64(otherCa.ExportCertificatePem())}", "    token: t");
        using var client = await KubeApiClient.FromKubeconfigAsync(path);

        await Assert.ThrowsAsync<HttpRequestException>(() => client.GetRawAsync("/version", cts.Token));
        Assert.Empty(_server.Requests);
    }

    [Fact]
    public async Task Kubeconfig_InsecureSkipTlsVerify_AcceptsAnyServer()
    {
        using var cts = new CancellationTokenSource(Timeout);
        var path = WriteKubeconfig("insecure-skip-tls-verify: true", "    token: t");
        using var client = await KubeApiClient.FromKubeconfigAsync(path);

        Assert.Equal("ok", await client.GetRawAsync("/readyz", cts.Token));
    }

    private static string Base64(string text) => Convert.ToBase64String(Encoding.UTF8.GetBytes(text));

    private string WriteKubeconfig(string clusterTrust, string userFields)
    {
        var path = Path.Combine(_directory.Path, $"kubeconfig-{Guid.NewGuid():N}");
        File.WriteAllText(path, $"""
            apiVersion: v1
            kind: Config
            clusters:
            - name: fake
              cluster:
                server: {_server.BaseUri.ToString().TrimEnd('/')}
                {clusterTrust}
            contexts:
            - name: fake
              context:
                cluster: fake
                user: admin
                namespace: team-a
            current-context: fake
            users:
            - name: admin
              user:
            {userFields}
            """);
        return path;
    }
}
