using Karmada.Client;
using Karmada.Client.Informers;
using Karmada.Interpreter;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Karmada.Controllers.Detector;

/// <summary>Adds the resource detector to the controller registry.</summary>
public static class DetectorRegistration
{
    /// <summary>
    /// Registers <see cref="ResourceDetector.Name"/>. The interpreter is the registered <see cref="IResourceInterpreter"/>
    /// when there is one, else the built-in native interpreter.
    /// </summary>
    public static ControllerRegistry AddResourceDetector(this ControllerRegistry registry, ControllerManagerOptions options, DetectorOptions? detectorOptions = null)
    {
        ArgumentNullException.ThrowIfNull(registry);
        ArgumentNullException.ThrowIfNull(options);
        detectorOptions ??= new DetectorOptions { Workers = options.WorkersFor(options.ConcurrentResourceTemplateSyncs) };
        detectorOptions.Validate();
        return registry.Register(ResourceDetector.Name, sp =>
        {
            var timeProvider = sp.GetService<TimeProvider>() ?? TimeProvider.System;
            return new ResourceDetector(
                sp.GetRequiredService<KubeApiClient>(),
                sp.GetRequiredService<InformerFactory>(),
                sp.GetService<IResourceInterpreter>() ?? ResourceInterpreter.CreateDefault(timeProvider),
                detectorOptions,
                timeProvider,
                sp.GetService<ILoggerFactory>() ?? NullLoggerFactory.Instance);
        });
    }
}
