using System.Text.Json.Nodes;
using k8s;
using Karmada.Cli;
using Karmada.Client;
using Karmada.Testing.ControlPlane;

namespace Karmada.Agent.Tests;

/// <summary>
/// Bootstrap tokens end to end in process: <c>karmadactl token</c>'s Secrets on a real API server, which then
/// authenticates <c>Bearer id.secret</c> as <c>system:bootstrap:id</c> until the token expires or is deleted.
/// </summary>
[Trait("Category", "Integration")]
public sealed class BootstrapTokenIntegrationTests : IAsyncLifetime
{
    private static readonly ResourceRef SelfSubjectReviews = new("authentication.k8s.io", "v1", "selfsubjectreviews", Namespaced: false);
    private readonly CancellationTokenSource _timeout = new(TimeSpan.FromMinutes(2));
    private InProcessControlPlane _controlPlane = null!;

    private CancellationToken Ct => _timeout.Token;

    private KubernetesClientConfiguration Admin => _controlPlane.Configuration;

    private KubeApiClient AdminClient => _controlPlane.Client;

    public async Task InitializeAsync() =>
        _controlPlane = await InProcessControlPlane.StartAsync(new InProcessControlPlaneOptions { DirectoryPrefix = "cp-token" }, Ct);

    public async Task DisposeAsync()
    {
        await _controlPlane.DisposeAsync();
        _timeout.Dispose();
    }

    [Fact]
    public async Task Token_AuthenticatesAsBootstrapUser_UntilDeleted()
    {
        var token = await BootstrapTokenSecrets.CreateAsync(AdminClient, null, TimeSpan.FromHours(1), "for member1", [Security.Authentication.BootstrapToken.KarmadaDefaultGroup], DateTimeOffset.UtcNow, Ct);

        var listed = Assert.Single(await BootstrapTokenSecrets.ListAsync(AdminClient, Ct));
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

        await BootstrapTokenSecrets.DeleteAsync(AdminClient, token[..6], Ct);
        var deleted = await Assert.ThrowsAsync<ApiException>(() => WhoAmIAsync(token));
        Assert.Equal(System.Net.HttpStatusCode.Unauthorized, deleted.StatusCode);
        await Assert.ThrowsAsync<CliException>(() => BootstrapTokenSecrets.DeleteAsync(AdminClient, token, Ct));
    }

    [Fact]
    public async Task ExpiredToken_IsRefused()
    {
        var token = await BootstrapTokenSecrets.CreateAsync(AdminClient, "abcdef.0123456789abcdef", TimeSpan.FromHours(1), "", [], DateTimeOffset.UtcNow.AddHours(-2), Ct);

        var error = await Assert.ThrowsAsync<ApiException>(() => WhoAmIAsync(token));

        Assert.Equal(System.Net.HttpStatusCode.Unauthorized, error.StatusCode);
        await Assert.ThrowsAsync<CliException>(() => BootstrapTokenSecrets.CreateAsync(AdminClient, token, TimeSpan.Zero, "", [], DateTimeOffset.UtcNow, Ct));
    }

    private async Task<JsonObject> WhoAmIAsync(string token)
    {
        using var client = new KubeApiClient(new KubernetesClientConfiguration { Host = Admin.Host, SslCaCerts = Admin.SslCaCerts, AccessToken = token });
        var review = await client.CreateAsync(SelfSubjectReviews, new JsonObject { ["apiVersion"] = "authentication.k8s.io/v1", ["kind"] = "SelfSubjectReview" }, cancellationToken: Ct);
        return review["status"]!["userInfo"]!.AsObject();
    }
}
