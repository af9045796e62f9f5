using Karmada.Client;
using Karmada.Controllers;
using Karmada.Controllers.Execution;
using Karmada.Controllers.Members;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Karmada.Agent;

/// <summary>Registers the Pull-mode agent's parts in a host.</summary>
public static class AgentServiceCollectionExtensions
{
    /// <summary>
    /// Registers, for the cluster <paramref name="options"/> names: the Lease renewer, the cluster status controller, and
    /// the <c>execution</c> and <c>workStatus</c> controllers serving only that cluster through <paramref name="member"/>
    /// (<see cref="LocalExecutionCluster"/>). Needs <c>AddKarmadaClient</c> for the control plane. The Cluster itself is
    /// registered by <see cref="ClusterRegistrar"/> before the host starts.
    /// </summary>
    public static IServiceCollection AddKarmadaAgent(this IServiceCollection services, AgentOptions options, KubeApiClient member)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(member);
        options.Validate();
        var controllerOptions = new ControllerManagerOptions { Workers = options.Workers, ClusterApiTimeout = options.ClusterApiTimeout };

        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton(options);
        services.AddSingleton<IExecutionClusters>(new LocalExecutionCluster(options.ClusterName, member));
        services.TryAddSingleton(sp => new MemberClusterInformers(sp.GetRequiredService<TimeProvider>(), LoggerFactoryOf(sp)));
        services.AddSingleton<IHostedService>(sp => new ClusterLeaseRenewer(
            sp.GetRequiredService<KubeApiClient>(),
            options,
            sp.GetRequiredService<TimeProvider>(),
            LoggerFactoryOf(sp).CreateLogger<ClusterLeaseRenewer>()));
        services.AddSingleton<IHostedService>(sp => AgentClusterStatusController.CreateHostedService(
            new AgentClusterStatusController(
                sp.GetRequiredService<KubeApiClient>(),
                member,
                ControllerServiceCollectionExtensions.ClusterInformer(sp),
                sp.GetRequiredService<MemberClusterInformers>(),
                options,
                sp.GetRequiredService<TimeProvider>(),
                LoggerFactoryOf(sp).CreateLogger<AgentClusterStatusController>()),
            ControllerServiceCollectionExtensions.ClusterInformer(sp),
            sp.GetRequiredService<TimeProvider>(),
            LoggerFactoryOf(sp)));
        services.AddSingleton<IHostedService>(sp => ExecutionControllerFactory.CreateExecution(sp, controllerOptions));
        services.AddSingleton<IHostedService>(sp => ExecutionControllerFactory.CreateWorkStatus(sp, controllerOptions));
        return services;
    }

    private static ILoggerFactory LoggerFactoryOf(IServiceProvider services) =>
        services.GetService<ILoggerFactory>() ?? NullLoggerFactory.Instance;
}
