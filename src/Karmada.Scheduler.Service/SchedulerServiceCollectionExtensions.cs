using Karmada.Client;
using Karmada.Client.Informers;
using Karmada.Client.LeaderElection;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Karmada.Scheduler.Service;

/// <summary>Registers karmada-scheduler in a host.</summary>
public static class SchedulerServiceCollectionExtensions
{
    /// <summary>The Lease upstream's scheduler elects its leader on (in <c>karmada-system</c>).</summary>
    public const string LeaseName = "karmada-scheduler";

    /// <summary>
    /// Registers one hosted service that runs the scheduler: gated on a Lease when <paramref name="leaderElection"/>
    /// is given (its lease name defaults to <c>karmada-scheduler</c>), always otherwise. Needs
    /// <c>AddKarmadaClient</c> (the control-plane client and informer factory).
    /// </summary>
    public static IServiceCollection AddKarmadaScheduler(this IServiceCollection services, SchedulerServiceOptions options, LeaderElectionOptions? leaderElection = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        if (leaderElection is not null && string.IsNullOrEmpty(leaderElection.LeaseName))
        {
            leaderElection.LeaseName = LeaseName;
        }

        leaderElection?.Validate();
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton<IHostedService>(sp =>
        {
            var loggerFactory = sp.GetService<ILoggerFactory>() ?? NullLoggerFactory.Instance;
            SchedulerHostedService Create() => new(
                sp.GetRequiredService<KubeApiClient>(),
                sp.GetRequiredService<InformerFactory>(),
                options,
                sp.GetRequiredService<TimeProvider>(),
                loggerFactory);
            if (leaderElection is null)
            {
                return Create();
            }

            var elector = new LeaderElector(
                sp.GetRequiredService<KubeApiClient>(), leaderElection, sp.GetRequiredService<TimeProvider>(), loggerFactory.CreateLogger<LeaderElector>());
            return new LeaderGatedHostedService(elector, () => [Create()], loggerFactory.CreateLogger<LeaderGatedHostedService>());
        });
        return services;
    }
}
