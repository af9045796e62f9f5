using System.Text;
using Karmada.Security.Authentication;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace Karmada.Security.Tests.Authentication;

public sealed class KubernetesAuthenticationMiddlewareTests
{
    private const string UnauthorizedStatus =
        """{"kind":"Status","apiVersion":"v1","metadata":{},"status":"Failure","message":"Unauthorized","reason":"Unauthorized","code":401}""";

    [Fact]
    public async Task InvokeAsync_NoCredentials_Answers401WithKubernetesStatusAndStops()
    {
        var (context, body) = CreateContext("/api/v1/namespaces", authorization: null);
        var reachedNext = false;

        await CreateMiddleware(_ => reachedNext = true).InvokeAsync(context);

        Assert.False(reachedNext);
        Assert.Equal(401, context.Response.StatusCode);
        Assert.Equal("application/json", context.Response.ContentType);
        Assert.Equal(UnauthorizedStatus, Encoding.UTF8.GetString(body.ToArray()));
        Assert.Null(context.GetKubernetesUser());
    }

    [Fact]
    public async Task InvokeAsync_ValidToken_StoresUserAsFeatureAndItem()
    {
        var (context, _) = CreateContext("/api", "Bearer good");
        UserInfo? seen = null;

        await CreateMiddleware(c => seen = c.GetKubernetesUser()).InvokeAsync(context);

        Assert.Equal("alice", seen?.Name);
        Assert.Same(seen, context.Items[KubernetesUserFeature.ItemKey]);
        Assert.Same(seen, context.Features.Get<IKubernetesUserFeature>()?.User);
    }

    [Theory]
    [InlineData("/healthz")]
    [InlineData("/livez")]
    [InlineData("/readyz")]
    [InlineData("/version")]
    [InlineData("/version/")]
    public async Task InvokeAsync_PublicInfoPathWithoutOrWithBadCredentials_ContinuesAsAnonymous(string path)
    {
        foreach (var authorization in new[] { null, "Bearer wrong" })
        {
            var (context, _) = CreateContext(path, authorization);
            UserInfo? seen = null;

            await CreateMiddleware(c => seen = c.GetKubernetesUser()).InvokeAsync(context);

            Assert.Same(UserInfo.Anonymous, seen);
            Assert.Equal([UserInfo.UnauthenticatedGroup], UserInfo.Anonymous.Groups);
        }
    }

    [Fact]
    public async Task InvokeAsync_PublicInfoPathWithValidCredentials_IsTheRealUser()
    {
        var (context, _) = CreateContext("/healthz", "Bearer good");
        UserInfo? seen = null;

        await CreateMiddleware(c => seen = c.GetKubernetesUser()).InvokeAsync(context);

        Assert.Equal("alice", seen?.Name);
    }

    [Fact]
    public async Task InvokeAsync_AnonymousPathsCleared_HealthzNeedsCredentialsToo()
    {
        var options = new KubernetesAuthenticationOptions();
        options.AnonymousPaths.Clear();
        var (context, _) = CreateContext("/healthz", authorization: null);

        await CreateMiddleware(_ => { }, options).InvokeAsync(context);

        Assert.Equal(401, context.Response.StatusCode);
    }

    private static (DefaultHttpContext Context, MemoryStream Body) CreateContext(string path, string? authorization)
    {
        var context = new DefaultHttpContext();
        context.Request.Method = "GET";
        context.Request.Path = path;
        if (authorization is not null)
        {
            context.Request.Headers.Authorization = authorization;
        }

        var body = new MemoryStream();
        context.Response.Body = body;
        return (context, body);
    }

    private static KubernetesAuthenticationMiddleware CreateMiddleware(Action<HttpContext> next, KubernetesAuthenticationOptions? options = null)
    {
        var authenticator = new RequestAuthenticator(certificates: null, [new SingleToken()]);
        return new KubernetesAuthenticationMiddleware(
            context =>
            {
                next(context);
                return Task.CompletedTask;
            },
            authenticator,
            Options.Create(options ?? new KubernetesAuthenticationOptions()),
            NullLogger<KubernetesAuthenticationMiddleware>.Instance);
    }

    private sealed class SingleToken : ITokenAuthenticator
    {
        public ValueTask<UserInfo?> AuthenticateTokenAsync(string token, CancellationToken cancellationToken) =>
            ValueTask.FromResult(token == "good" ? new UserInfo("alice", "1", []) : null);
    }
}
