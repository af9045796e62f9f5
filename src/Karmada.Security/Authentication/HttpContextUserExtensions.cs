using Microsoft.AspNetCore.Http;

namespace Karmada.Security.Authentication;

/// <summary>Reads the caller the authentication middleware resolved.</summary>
public static class HttpContextUserExtensions
{
    /// <summary>The caller of this request, or null when the authentication middleware did not run.</summary>
    public static UserInfo? GetKubernetesUser(this HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        return context.Features.Get<IKubernetesUserFeature>()?.User;
    }
}
