using System.Security.Cryptography.X509Certificates;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Karmada.Security.Authentication;

/// <summary>Registers Kubernetes-style request authentication.</summary>
public static class KubernetesAuthenticationServiceCollectionExtensions
{
    /// <summary>
    /// Registers <see cref="ClientCertificateAuthenticator"/> for <paramref name="clientCa"/> and a
    /// <see cref="RequestAuthenticator"/> over every <see cref="ITokenAuthenticator"/> in the container (register
    /// the static token file and later sources with <c>services.AddSingleton&lt;ITokenAuthenticator&gt;(...)</c>,
    /// before or after this call).
    /// </summary>
    public static IServiceCollection AddKubernetesAuthentication(
        this IServiceCollection services,
        X509Certificate2 clientCa,
        Action<KubernetesAuthenticationOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(clientCa);

        services.AddSingleton(provider => new ClientCertificateAuthenticator(clientCa, provider.GetService<TimeProvider>()));
        services.AddSingleton(provider => new RequestAuthenticator(
            provider.GetRequiredService<ClientCertificateAuthenticator>(),
            provider.GetServices<ITokenAuthenticator>(),
            provider.GetService<ILogger<RequestAuthenticator>>()));
        var options = services.AddOptions<KubernetesAuthenticationOptions>();
        if (configure is not null)
        {
            options.Configure(configure);
        }

        return services;
    }
}
