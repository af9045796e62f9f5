using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Options;

namespace Karmada.Security.Authentication;

/// <summary>Adds <see cref="KubernetesAuthenticationMiddleware"/> to a pipeline.</summary>
public static class KubernetesAuthenticationApplicationBuilderExtensions
{
    /// <summary>
    /// Authenticates every later stage's requests with the <see cref="RequestAuthenticator"/> registered by
    /// <see cref="KubernetesAuthenticationServiceCollectionExtensions.AddKubernetesAuthentication"/>.
    /// </summary>
    public static IApplicationBuilder UseKubernetesAuthentication(this IApplicationBuilder app)
    {
        ArgumentNullException.ThrowIfNull(app);
        return app.UseMiddleware<KubernetesAuthenticationMiddleware>();
    }

    /// <summary>Like <see cref="UseKubernetesAuthentication(IApplicationBuilder)"/> with an explicit authenticator and options.</summary>
    public static IApplicationBuilder UseKubernetesAuthentication(
        this IApplicationBuilder app, RequestAuthenticator authenticator, KubernetesAuthenticationOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(app);
        ArgumentNullException.ThrowIfNull(authenticator);
        return app.UseMiddleware<KubernetesAuthenticationMiddleware>(authenticator, Options.Create(options ?? new KubernetesAuthenticationOptions()));
    }
}
