namespace Karmada.Security.Authentication;

/// <summary>
/// A source of bearer tokens: the static token file, and later service-account and bootstrap tokens. The request
/// authenticator asks each registered source in turn; the first that recognises the token decides the user.
/// </summary>
public interface ITokenAuthenticator
{
    /// <summary>Resolves <paramref name="token"/> to a user, or null when this source does not know it.</summary>
    /// <param name="token">The bearer token, never empty.</param>
    /// <param name="cancellationToken">Cancels a lookup that reaches storage.</param>
    ValueTask<UserInfo?> AuthenticateTokenAsync(string token, CancellationToken cancellationToken);
}
