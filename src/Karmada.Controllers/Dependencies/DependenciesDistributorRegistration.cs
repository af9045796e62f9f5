using Karmada.Client;
using Karmada.Client.Informers;
using Karmada.Interpreter;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Karmada.Controllers.Dependencies;

/// <summary>Adds the dependencies distributor to the controller registry.</summary>
public static class DependenciesDistributorRegistration
{
    /// <summary>Registers <see cref="DependenciesDistributor.Name"/> (on by default, as upstream's PropagateDeps gate).</summary>
    public static ControllerRegistry AddDependenciesDistributor(this ControllerRegistry registry, ControllerManagerOptions options)
    {
        ArgumentNullException.ThrowIfNull(registry);
        ArgumentNullException.ThrowIfNull(options);
        return registry.Register(DependenciesDistributor.Name, sp =>
        {
            var timeProvider = sp.GetService<TimeProvider>() ?? TimeProvider.System;
            return new DependenciesDistributor(
                sp.GetRequiredService<KubeApiClient>(),
                sp.GetRequiredService<InformerFactory>(),
                sp.GetService<IResourceInterpreter>() ?? ResourceInterpreter.CreateDefault(timeProvider),
                options.WorkersFor(options.ConcurrentDependentResourceSyncs),
                timeProvider,
                sp.GetService<ILoggerFactory>() ?? NullLoggerFactory.Instance);
        });
    }
}
