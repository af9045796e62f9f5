using System.Text.Json.Nodes;
using k8s;
using Karmada.ApiServer.ControlPlane;
using Karmada.ApiServer.Hosting;
using Karmada.Cli;
using Karmada.Client;
using Karmada.Storage;
using Karmada.Testing;
using Microsoft.Extensions.Logging.Abstractions;

namespace Karmada.Agent.Tests;

/// <summary>
/// Bootstrap tokens end to end in process: <c>karmadactl token</c>'s Secrets on a real API server, which then
/// authenticates <c>Bearer id.secret</c> as <c>system:bootstrap:id</c> until the token expires or is deleted.
/// </summary>
[Trait("Category", "Integration")]
public sealed class BootstrapTokenIntegrationTests : IAsyncLifetime
{
    private static readonly ResourceRef SelfSubjectReviews = new("authentication.k8s.io", "v1", "selfsubjectreviews", Namespaced: false);
    private readonly TempDirectory _dir = new("cp-token");
    private readonly CancellationTokenSource _timeout = new(TimeSpan.FromMinutes(2));
    private ApiServerInstance _controlPlane = null!;
    private KubernetesClientConfiguration _admin = null!;
    private KubeApiClient _adminClient = null!;

    private CancellationToken Ct => _timeout.Token;

    public async Task InitializeAsync()
    {
        _controlPlane = await ApiServerApplication.StartAsync(
            new ApiServerOptions
            {
                DataDirectory = _dir.Path,
                SecurePort = 0,
                Storage = new StorageOptions { Backend = StorageBackend.Memory },
                ExtraResources = KarmadaResourceDefinitions.All,
                ExtraNamespaces = ControlPlaneServices.SystemNamespaces,
            },
            NullLoggerFactory.Instance,
            ControlPlaneServices.Add,
            Ct);
        _admin = await KubernetesClientConfiguration.BuildConfigFromConfigFileAsync(new FileInfo(_controlPlane.KubeconfigPath));
        _adminClient = new KubeApiClient(_admin);
    }

    public async Task DisposeAsync()
    {
        _adminClient.Dispose();
        await _controlPlane.DisposeAsync();
        _dir.Dispose();
        _timeout.Dispose();
    }

    [Fact]
    public async Task Token_AuthenticatesAsBootstrapUser_UntilDeleted()
    {
        var token = await BootstrapTokenSecrets.CreateAsync(_adminClient, null, TimeSpan.FromHours(1), "for member1", [Security.Authentication.BootstrapToken.KarmadaDefaultGroup], DateTimeOffset.UtcNow, Ct);

        var listed = Assert.Single(await BootstrapTokenSecrets.ListAsync(_adminClient, Ct));
        Assert.Equal(token, listed.Token);
        Assert.Equal("for member1", listed.Description);
        Assert.Equal(new[] { "authentication", "signing" }, listed.Usages);

        var user = await WhoAmIAsync(token);
        Assert.Equal("system:bootstrap:" + token[..6], user["username"]!.GetValue<string>());
        Assert.Equal(
            new[] { "system:bootstrappers", "system:bootstrappers:karmada:default-cluster-token", "system:authenticated" },
            user["groups"]!.AsArray().Select(g => g!.GetValue<string>()));

        // Same id, wrong secret: refused.
        var wrong = await Assert.ThrowsAsync<ApiException>(() => WhoAmIAsync(token[..7] + new string('x', 16)));
        Assert.Equal(System.Net.HttpStatusCode.Unauthorized, wrong.StatusCode);

        await BootstrapTokenSecrets.DeleteAsync(_adminClient, token[..6], Ct);
        var deleted = await Assert.ThrowsAsync<ApiException>(() => WhoAmIAsync(token));
        Assert.Equal(System.Net.HttpStatusCode.Unauthorized, deleted.StatusCode);
        await Assert.ThrowsAsync<CliException>(() => BootstrapTokenSecrets.DeleteAsync(_adminClient, token, Ct));
    }

    [Fact]
    public async Task ExpiredToken_IsRefused()
    {
        var token = await BootstrapTokenSecrets.CreateAsync(_adminClient, "abcdef.0123456789abcdef", TimeSpan.FromHours(1), "", [], DateTimeOffset.UtcNow.AddHours(-2), Ct);

        var error = await Assert.ThrowsAsync<ApiException>(() => WhoAmIAsync(token));

        Assert.Equal(System.Net.HttpStatusCode.Unauthorized, error.StatusCode);
        await Assert.ThrowsAsync<CliException>(() => BootstrapTokenSecrets.CreateAsync(_adminClient, token, TimeSpan.Zero, "", [], DateTimeOffset.UtcNow, Ct));
    }

    private async Task<JsonObject> WhoAmIAsync(string token)
    {
        using var client = new KubeApiClient(new KubernetesClientConfiguration { Host = _admin.Host, SslCaCerts = _admin.SslCaCerts, AccessToken = token });
        var review = await client.CreateAsync(SelfSubjectReviews, new JsonObject { ["apiVersion"] = "authentication.k8s.io/v1", ["kind"] = "SelfSubjectReview" }, cancellationToken: Ct);
        return review["status"]!["userInfo"]!.AsObject();
    }
}
