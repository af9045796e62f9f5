using System.Security.Cryptography;
using Karmada.Security.Authentication;
using Karmada.Security.Certificates;
using Karmada.Security.Tests.Infrastructure;
using Microsoft.AspNetCore.Http;

namespace Karmada.Security.Tests.Authentication;

public sealed class RequestAuthenticatorTests : IDisposable
{
    private readonly ManualTimeProvider _clock = new(DateTimeOffset.UtcNow);
    private readonly CertificateAuthority _ca;

    public RequestAuthenticatorTests()
    {
        _ca = CertificateAuthority.Create(timeProvider: _clock);
    }

    public void Dispose() => _ca.Dispose();

    [Theory]
    [InlineData("Bearer abc", "abc")]
    [InlineData("bearer abc", "abc")]
    [InlineData("BEARER abc", "abc")]
    [InlineData("  Bearer abc  ", "abc")]
    [InlineData("Bearer abc trailing", "abc")]
    [InlineData("Bearer  abc", null)]
    [InlineData("Bearer", null)]
    [InlineData("Basic YWRtaW46YWRtaW4=", null)]
    [InlineData("", null)]
    [InlineData(null, null)]
    public void ParseBearerToken_ReadsLikeKubesBearerTokenAuthenticator(string? header, string? expected)
    {
        Assert.Equal(expected, RequestAuthenticator.ParseBearerToken(header));
    }

    [Fact]
    public async Task AuthenticateAsync_ValidClientCertificate_IsCommonNameAndOrganizationsPlusAuthenticated()
    {
        using var issued = _ca.IssueClientCertificate("alice", ["devs", "ops"]);

        var user = await CreateAuthenticator().AuthenticateAsync(issued.Certificate, authorization: null, CancellationToken.None);

        Assert.NotNull(user);
        Assert.Equal("alice", user.Name);
        Assert.Equal(string.Empty, user.Uid);
        Assert.Equal(["devs", "ops", UserInfo.AuthenticatedGroup], user.Groups);
    }

    [Fact]
    public async Task AuthenticateAsync_CertificateOfAnotherCa_IsRejected()
    {
        using var other = CertificateAuthority.Create();
        using var foreign = other.IssueClientCertificate("alice", []);

        Assert.Null(await CreateAuthenticator().AuthenticateAsync(foreign.Certificate, null, CancellationToken.None));
    }

    [Fact]
    public async Task AuthenticateAsync_ServingCertificatePresentedAsClientCertificate_IsRejected()
    {
        using var serving = _ca.IssueServingCertificate("server", ServingCertificateNames.Create([]));

        Assert.Null(await CreateAuthenticator().AuthenticateAsync(serving.Certificate, null, CancellationToken.None));
    }

    [Fact]
    public async Task AuthenticateAsync_CertificateWithoutCommonName_IsRejected()
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        using var ca = TestCertificates.CreateCa("test-ca", key);
        using var nameless = TestCertificates.CreateLeaf(ca, "O=devs", ChainVerifier.ClientAuthentication);
        using var named = TestCertificates.CreateLeaf(ca, "CN=bob, O=devs", ChainVerifier.ClientAuthentication);
        var authenticator = new RequestAuthenticator(new ClientCertificateAuthenticator(ca), []);

        Assert.Null(await authenticator.AuthenticateAsync(nameless, null, CancellationToken.None));
        Assert.Equal("bob", (await authenticator.AuthenticateAsync(named, null, CancellationToken.None))?.Name);
    }

    [Fact]
    public async Task AuthenticateAsync_CertificateNotYetValid_IsRejectedUntilItIs()
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        using var ca = TestCertificates.CreateCa("test-ca", key);
        var now = _clock.GetUtcNow();
        using var future = TestCertificates.CreateLeaf(ca, "CN=bob", ChainVerifier.ClientAuthentication, now.AddHours(1), now.AddDays(2));
        var authenticator = new RequestAuthenticator(new ClientCertificateAuthenticator(ca, _clock), []);

        Assert.Null(await authenticator.AuthenticateAsync(future, null, CancellationToken.None));
        _clock.Advance(TimeSpan.FromHours(2));
        Assert.Equal("bob", (await authenticator.AuthenticateAsync(future, null, CancellationToken.None))?.Name);
    }

    [Fact]
    public async Task AuthenticateAsync_SameCertificateAfterItExpired_IsRejectedDespiteEarlierAcceptance()
    {
        using var issued = _ca.IssueClientCertificate("alice", []);
        var authenticator = CreateAuthenticator();
        Assert.NotNull(await authenticator.AuthenticateAsync(issued.Certificate, null, CancellationToken.None));

        _clock.Advance(TimeSpan.FromDays(366));

        Assert.Null(await authenticator.AuthenticateAsync(issued.Certificate, null, CancellationToken.None));
    }

    [Fact]
    public async Task AuthenticateAsync_InvalidCertificateAndValidToken_UsesTheToken()
    {
        using var other = CertificateAuthority.Create();
        using var foreign = other.IssueClientCertificate("mallory", []);
        var authenticator = CreateAuthenticator(new FixedTokens("good", new UserInfo("bob", "42", ["devs"])));

        var user = await authenticator.AuthenticateAsync(foreign.Certificate, "Bearer good", CancellationToken.None);

        Assert.Equal(new[] { "devs", UserInfo.AuthenticatedGroup }, user?.Groups);
        Assert.Equal(("bob", "42"), (user?.Name, user?.Uid));
    }

    [Fact]
    public async Task AuthenticateAsync_ValidCertificateAndToken_CertificateWinsAsInKube()
    {
        using var issued = _ca.IssueClientCertificate("alice", []);
        var authenticator = CreateAuthenticator(new FixedTokens("good", new UserInfo("bob", "42", [])));

        Assert.Equal("alice", (await authenticator.AuthenticateAsync(issued.Certificate, "Bearer good", CancellationToken.None))?.Name);
    }

    [Fact]
    public async Task AuthenticateAsync_TokenSources_AskedInOrderAndFailingSourceSkipped()
    {
        var authenticator = CreateAuthenticator(
            new ThrowingTokens(),
            new FixedTokens("t", new UserInfo("first", "1", [])),
            new FixedTokens("t", new UserInfo("second", "2", [])));

        Assert.Equal("first", (await authenticator.AuthenticateAsync(null, "Bearer t", CancellationToken.None))?.Name);
        Assert.Null(await authenticator.AuthenticateAsync(null, "Bearer unknown", CancellationToken.None));
        Assert.Null(await authenticator.AuthenticateAsync(null, null, CancellationToken.None));
    }

    [Fact]
    public async Task AuthenticateAsync_CancelledWhileSourceWaits_Throws()
    {
        using var cancellation = new CancellationTokenSource();
        await cancellation.CancelAsync();
        var authenticator = CreateAuthenticator(new CancellationObservingTokens());

        await Assert.ThrowsAnyAsync<OperationCanceledException>(async () => await authenticator.AuthenticateAsync(null, "Bearer t", cancellation.Token));
    }

    [Fact]
    public async Task AuthenticateAsync_UserAlreadyInAuthenticatedGroup_IsNotAddedTwice()
    {
        var authenticator = CreateAuthenticator(new FixedTokens("t", new UserInfo("bob", "1", [UserInfo.AuthenticatedGroup])));

        Assert.Equal([UserInfo.AuthenticatedGroup], (await authenticator.AuthenticateAsync(null, "Bearer t", CancellationToken.None))?.Groups);
    }

    [Fact]
    public async Task AuthenticateAsync_HttpContextWithToken_RemovesAuthorizationHeaderOnSuccessOnly()
    {
        var authenticator = CreateAuthenticator(new FixedTokens("good", new UserInfo("bob", "1", [])));
        var accepted = new DefaultHttpContext();
        accepted.Request.Headers.Authorization = "Bearer good";
        var rejected = new DefaultHttpContext();
        rejected.Request.Headers.Authorization = "Bearer bad";

        Assert.Equal("bob", (await authenticator.AuthenticateAsync(accepted, CancellationToken.None))?.Name);
        Assert.Null(await authenticator.AuthenticateAsync(rejected, CancellationToken.None));

        Assert.False(accepted.Request.Headers.ContainsKey("Authorization"));
        Assert.Equal("Bearer bad", rejected.Request.Headers.Authorization.ToString());
    }

    [Fact]
    public async Task AuthenticateAsync_HttpContextWithClientCertificate_UsesTheConnectionCertificate()
    {
        using var issued = _ca.IssueClientCertificate("alice", []);
        var context = new DefaultHttpContext();
        context.Connection.ClientCertificate = issued.Certificate;

        Assert.Equal("alice", (await CreateAuthenticator().AuthenticateAsync(context, CancellationToken.None))?.Name);
    }

    [Fact]
    public async Task AuthenticateAsync_CertificateAuthenticationOff_IgnoresCertificates()
    {
        using var issued = _ca.IssueClientCertificate("alice", []);
        var authenticator = new RequestAuthenticator(certificates: null, []);

        Assert.Null(await authenticator.AuthenticateAsync(issued.Certificate, null, CancellationToken.None));
    }

    private RequestAuthenticator CreateAuthenticator(params ITokenAuthenticator[] tokens) =>
        new(new ClientCertificateAuthenticator(_ca.Certificate, _clock), tokens);

    private sealed class FixedTokens(string token, UserInfo user) : ITokenAuthenticator
    {
        public ValueTask<UserInfo?> AuthenticateTokenAsync(string candidate, CancellationToken cancellationToken) =>
            ValueTask.FromResult(candidate == token ? user : null);
    }

    private sealed class ThrowingTokens : ITokenAuthenticator
    {
        public ValueTask<UserInfo?> AuthenticateTokenAsync(string token, CancellationToken cancellationToken) =>
            throw new InvalidOperationException("storage unavailable");
    }

    private sealed class CancellationObservingTokens : ITokenAuthenticator
    {
        public async ValueTask<UserInfo?> AuthenticateTokenAsync(string token, CancellationToken cancellationToken)
        {
            await Task.Delay(Timeout.InfiniteTimeSpan, cancellationToken);
            return null;
        }
    }
}
