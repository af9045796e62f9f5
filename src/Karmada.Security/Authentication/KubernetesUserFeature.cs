namespace Karmada.Security.Authentication;

/// <summary>The <see cref="IKubernetesUserFeature"/> the authentication middleware sets.</summary>
/// <param name="User">The caller.</param>
public sealed record KubernetesUserFeature(UserInfo User) : IKubernetesUserFeature
{
    /// <summary>The <c>HttpContext.Items</c> key under which the middleware also stores the <see cref="UserInfo"/>.</summary>
    public const string ItemKey = "karmada.security/user";
}
