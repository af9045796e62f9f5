namespace Karmada.Security.Authentication;

/// <summary>One line of a static token file: a bearer token and the user it stands for.</summary>
/// <param name="Token">The secret bearer token.</param>
/// <param name="User">The user the token authenticates as.</param>
public sealed record StaticToken(string Token, UserInfo User)
{
    /// <summary>Describes the entry without the secret, so it can be logged.</summary>
    public override string ToString() => $"StaticToken {{ User = {User} }}";
}
