using System.Security.Cryptography.X509Certificates;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Karmada.Security.Authentication;

/// <summary>
/// Resolves the caller of a request the way kube-apiserver's authenticator union does: the TLS client certificate
/// first, then the <c>Authorization: Bearer</c> token through each registered <see cref="ITokenAuthenticator"/>.
/// The first success wins, and a failing method does not stop the next one (a stale certificate plus a valid token
/// authenticates). Every authenticated user also gets the <c>system:authenticated</c> group.
/// </summary>
public sealed partial class RequestAuthenticator
{
    private readonly ClientCertificateAuthenticator? _certificates;
    private readonly ITokenAuthenticator[] _tokenAuthenticators;
    private readonly ILogger _logger;

    /// <summary>Creates the authenticator.</summary>
    /// <param name="certificates">Verifies client certificates; null turns certificate authentication off.</param>
    /// <param name="tokenAuthenticators">Token sources, asked in order.</param>
    /// <param name="logger">Receives why credentials were rejected (debug level).</param>
    public RequestAuthenticator(
        ClientCertificateAuthenticator? certificates,
        IEnumerable<ITokenAuthenticator> tokenAuthenticators,
        ILogger<RequestAuthenticator>? logger = null)
    {
        ArgumentNullException.ThrowIfNull(tokenAuthenticators);

        _certificates = certificates;
        _tokenAuthenticators = [.. tokenAuthenticators];
        _logger = (ILogger?)logger ?? NullLogger.Instance;
    }

    /// <summary>
    /// Authenticates the request on <paramref name="context"/>; null when it carries no valid credentials.
    /// After a successful token authentication the <c>Authorization</c> header is removed, as kube-apiserver does,
    /// so the secret is never forwarded by a handler that proxies the request.
    /// </summary>
    public async ValueTask<UserInfo?> AuthenticateAsync(HttpContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);

        var certificate = context.Connection.ClientCertificate;
        string? authorization = context.Request.Headers.Authorization;
        var (user, byToken) = await AuthenticateCoreAsync(certificate, authorization, cancellationToken);
        if (byToken)
        {
            context.Request.Headers.Remove("Authorization");
        }

        return user;
    }

    /// <summary>Authenticates a client certificate and/or an <c>Authorization</c> header value; null when neither is valid.</summary>
    public async ValueTask<UserInfo?> AuthenticateAsync(X509Certificate2? clientCertificate, string? authorization, CancellationToken cancellationToken)
    {
        var (user, _) = await AuthenticateCoreAsync(clientCertificate, authorization, cancellationToken);
        return user;
    }

    /// <summary>
    /// Extracts the token from <c>Bearer TOKEN</c> (scheme case-insensitive), or null when the header is absent,
    /// uses another scheme or carries an empty token, as kube's bearertoken authenticator reads it.
    /// </summary>
    public static string? ParseBearerToken(string? authorization)
    {
        var value = authorization?.Trim();
        if (string.IsNullOrEmpty(value))
        {
            return null;
        }

        var parts = value.Split(' ', 3);
        if (parts.Length < 2 || !parts[0].Equals("bearer", StringComparison.OrdinalIgnoreCase) || parts[1].Length == 0)
        {
            return null;
        }

        return parts[1];
    }

    private static UserInfo WithAuthenticatedGroup(UserInfo user) =>
        user.IsInGroup(UserInfo.AuthenticatedGroup) || user.IsAnonymous
            ? user
            : user with { Groups = [.. user.Groups, UserInfo.AuthenticatedGroup] };

    private async ValueTask<(UserInfo? User, bool ByToken)> AuthenticateCoreAsync(
        X509Certificate2? clientCertificate, string? authorization, CancellationToken cancellationToken)
    {
        if (clientCertificate is not null && _certificates is not null)
        {
            var user = _certificates.Authenticate(clientCertificate, out var error);
            if (user is not null)
            {
                return (WithAuthenticatedGroup(user), false);
            }

            LogCertificateRejected(_logger, error ?? "unknown reason");
        }

        var token = ParseBearerToken(authorization);
        if (token is null)
        {
            return (null, false);
        }

        foreach (var source in _tokenAuthenticators)
        {
            UserInfo? user;
            try
            {
                user = await source.AuthenticateTokenAsync(token, cancellationToken);
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                throw;
            }
            catch (Exception ex)
            {
                // One broken source (say, storage down for service-account tokens) must not lock out the others.
                LogTokenSourceFailed(_logger, source.GetType().Name, ex);
                continue;
            }

            if (user is not null)
            {
                return (WithAuthenticatedGroup(user), true);
            }
        }

        LogTokenRejected(_logger);
        return (null, false);
    }

    [LoggerMessage(7001, LogLevel.Debug, "Client certificate rejected: {Reason}")]
    private static partial void LogCertificateRejected(ILogger logger, string reason);

    [LoggerMessage(7002, LogLevel.Debug, "Bearer token not recognised by any token authenticator")]
    private static partial void LogTokenRejected(ILogger logger);

    [LoggerMessage(7003, LogLevel.Warning, "Token authenticator {Source} failed; trying the next one")]
    private static partial void LogTokenSourceFailed(ILogger logger, string source, Exception exception);
}
