using k8s;
using Karmada.Client.Informers;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Karmada.Client;

/// <summary>Registers the client runtime in a host.</summary>
public static class ClientServiceCollectionExtensions
{
    /// <summary>
    /// Registers one <see cref="KubeApiClient"/> for <paramref name="configuration"/> (load it at startup with
    /// <c>KubernetesClientConfiguration.BuildConfigFromConfigFileAsync</c>), the process-wide
    /// <see cref="InformerFactory"/> (also as a hosted service, so informers start with the host) and
    /// <see cref="TimeProvider.System"/> unless a time provider is registered already.
    /// </summary>
    public static IServiceCollection AddKarmadaClient(
        this IServiceCollection services,
        KubernetesClientConfiguration configuration,
        Action<KubeApiClientOptions>? configureClient = null,
        Action<SharedInformerOptions>? configureInformers = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configuration);
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton(sp =>
        {
            var options = new KubeApiClientOptions();
            configureClient?.Invoke(options);
            return new KubeApiClient(configuration, options, sp.GetRequiredService<TimeProvider>(), sp.GetService<ILogger<KubeApiClient>>());
        });
        services.TryAddSingleton(sp =>
        {
            var options = new SharedInformerOptions();
            configureInformers?.Invoke(options);
            return new InformerFactory(
                sp.GetRequiredService<KubeApiClient>(),
                options,
                sp.GetRequiredService<TimeProvider>(),
                sp.GetService<ILoggerFactory>());
        });
        services.AddSingleton<IHostedService>(sp => sp.GetRequiredService<InformerFactory>());
        return services;
    }
}
