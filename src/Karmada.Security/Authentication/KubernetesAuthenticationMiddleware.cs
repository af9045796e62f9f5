using System.Text;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Karmada.Security.Authentication;

/// <summary>
/// Authenticates every request with <see cref="RequestAuthenticator"/>. Requests without valid credentials get
/// kube-apiserver's 401 Status, except on <see cref="KubernetesAuthenticationOptions.AnonymousPaths"/>, where they
/// continue as <see cref="UserInfo.Anonymous"/>. The caller is stored as <see cref="IKubernetesUserFeature"/> and
/// in <c>HttpContext.Items[</c><see cref="KubernetesUserFeature.ItemKey"/><c>]</c> for authorization.
/// </summary>
public sealed partial class KubernetesAuthenticationMiddleware
{
    /// <summary>The exact body kube-apiserver sends with a 401.</summary>
    public static readonly ReadOnlyMemory<byte> UnauthorizedBody = Encoding.UTF8.GetBytes(
        """{"kind":"Status","apiVersion":"v1","metadata":{},"status":"Failure","message":"Unauthorized","reason":"Unauthorized","code":401}""");

    private readonly RequestDelegate _next;
    private readonly RequestAuthenticator _authenticator;
    private readonly KubernetesAuthenticationOptions _options;
    private readonly ILogger _logger;

    /// <summary>Creates the middleware; ASP.NET Core supplies the arguments.</summary>
    public KubernetesAuthenticationMiddleware(
        RequestDelegate next,
        RequestAuthenticator authenticator,
        IOptions<KubernetesAuthenticationOptions> options,
        ILogger<KubernetesAuthenticationMiddleware> logger)
    {
        ArgumentNullException.ThrowIfNull(next);
        ArgumentNullException.ThrowIfNull(authenticator);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(logger);

        _next = next;
        _authenticator = authenticator;
        _options = options.Value;
        _logger = logger;
    }

    /// <summary>Authenticates the request, then runs the rest of the pipeline or answers 401.</summary>
    public async Task InvokeAsync(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);

        var user = await _authenticator.AuthenticateAsync(context, context.RequestAborted);
        if (user is null && IsAnonymousPath(context.Request.Path))
        {
            user = UserInfo.Anonymous;
        }

        if (user is null)
        {
            LogUnauthorized(_logger, context.Request.Method, context.Request.Path.Value ?? "/", context.Connection.RemoteIpAddress?.ToString() ?? "unknown");
            await WriteUnauthorizedAsync(context.Response, context.RequestAborted);
            return;
        }

        context.Features.Set<IKubernetesUserFeature>(new KubernetesUserFeature(user));
        context.Items[KubernetesUserFeature.ItemKey] = user;
        await _next(context);
    }

    private static async Task WriteUnauthorizedAsync(HttpResponse response, CancellationToken cancellationToken)
    {
        response.StatusCode = StatusCodes.Status401Unauthorized;
        response.ContentType = "application/json";
        response.ContentLength = UnauthorizedBody.Length;
        response.Headers.CacheControl = "no-cache, private";
        response.Headers.XContentTypeOptions = "nosniff";
        await response.Body.WriteAsync(UnauthorizedBody, cancellationToken);
    }

    private bool IsAnonymousPath(PathString path)
    {
        var value = path.Value;
        if (string.IsNullOrEmpty(value))
        {
            return false;
        }

        // "/version/" is what the C# client calls; a trailing slash names the same endpoint.
        if (value.Length > 1 && value[^1] == '/')
        {
            value = value[..^1];
        }

        return _options.AnonymousPaths.Contains(value);
    }

    [LoggerMessage(7004, LogLevel.Debug, "Unauthorized {Method} {Path} from {RemoteAddress}: no valid credentials")]
    private static partial void LogUnauthorized(ILogger logger, string method, string path, string remoteAddress);
}
