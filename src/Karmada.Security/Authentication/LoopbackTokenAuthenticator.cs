using System.Buffers.Text;
using System.Runtime.InteropServices;
using System.Security.Cryptography;

namespace Karmada.Security.Authentication;

/// <summary>
/// An API server's loopback credential, as kube-apiserver's <c>AuthorizeClientBearerToken</c> makes it: a random
/// bearer token created when the server starts, known only inside its process and never written anywhere, standing for
/// <c>system:apiserver</c> in <c>system:masters</c>. Components hosted in the server's own process present it on the
/// in-process transport; register it first among the <see cref="ITokenAuthenticator"/>s, as kube prepends it to the
/// authenticator union, since every in-process request carries it.
/// </summary>
public sealed class LoopbackTokenAuthenticator : ITokenAuthenticator
{
    /// <summary>kube's <c>user.APIServerUser</c>.</summary>
    public const string UserName = "system:apiserver";

    private const int TokenBytes = 32;

    /// <summary>Creates a fresh credential with a new random token and user uid.</summary>
    public LoopbackTokenAuthenticator()
    {
        Token = Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(TokenBytes));
        AuthorizationHeader = "Bearer " + Token;

        // system:authenticated is listed up front so the request authenticator need not copy the user per request.
        User = new UserInfo(UserName, Guid.NewGuid().ToString(), [UserInfo.MastersGroup, UserInfo.AuthenticatedGroup]);
    }

    /// <summary>The secret bearer token.</summary>
    public string Token { get; }

    /// <summary>The <c>Authorization</c> header value carrying <see cref="Token"/>.</summary>
    public string AuthorizationHeader { get; }

    /// <summary>The identity the token authenticates as.</summary>
    public UserInfo User { get; }

    /// <inheritdoc />
    public ValueTask<UserInfo?> AuthenticateTokenAsync(string token, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(token);

        // Constant time, so a caller cannot learn the token a character at a time from response latency.
        var matches = CryptographicOperations.FixedTimeEquals(
            MemoryMarshal.AsBytes(token.AsSpan()),
            MemoryMarshal.AsBytes(Token.AsSpan()));
        return new ValueTask<UserInfo?>(matches ? User : null);
    }

    /// <summary>Describes the credential without the secret, so it can be logged.</summary>
    public override string ToString() => $"LoopbackToken {{ User = {User} }}";
}
