using Karmada.Client;
using Karmada.Client.Informers;
using Karmada.Client.Queues;
using Karmada.Controllers.Members;
using Karmada.Interpreter;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using WorkV1Alpha1 = Karmada.Api.Work.V1Alpha1;

namespace Karmada.Controllers.Execution;

/// <summary>
/// Builds the <c>execution</c> and <c>workStatus</c> controllers for the registry. The interpreter is the host's
/// <see cref="IResourceInterpreter"/> when one is registered, else the built-in one.
/// </summary>
public static class ExecutionControllerFactory
{
    /// <summary>The process-wide Work informer.</summary>
    public static SharedInformer<WorkV1Alpha1.Work> WorkInformer(IServiceProvider services) =>
        services.GetRequiredService<InformerFactory>().GetInformer(WorkMeta.Resource, WorkMeta.TypeInfo, WorkMeta.Accessor);

    public static IHostedService CreateExecution(IServiceProvider services, ControllerManagerOptions options)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(options);
        var (time, loggers) = (services.GetRequiredService<TimeProvider>(), LoggerFactoryOf(services));
        var queue = new WorkQueue<ObjectKey>(ExecutionController.Name, RateLimiters.DefaultController<ObjectKey>(time), time);
        var watches = new MemberObjectWatches(ExecutionController.DriftHandler(queue.Add));
        var works = WorkInformer(services);
        var clusters = ControllerServiceCollectionExtensions.ClusterInformer(services);
        var controller = new ExecutionController(
            services.GetRequiredService<KubeApiClient>(),
            works,
            clusters,
            services.GetRequiredService<IMemberClusterClients>(),
            services.GetRequiredService<MemberClusterInformers>(),
            watches,
            new ManifestResourceResolver(),
            new AppliedVersionRecords(),
            InterpreterOf(services, time),
            time,
            loggers.CreateLogger<ExecutionController>());
        return new WorkReconcilerHostedService(ExecutionController.Name, controller, queue, works, clusters, watches, options.Workers, time, loggers);
    }

    public static IHostedService CreateWorkStatus(IServiceProvider services, ControllerManagerOptions options)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(options);
        var (time, loggers) = (services.GetRequiredService<TimeProvider>(), LoggerFactoryOf(services));
        var queue = new WorkQueue<ObjectKey>(WorkStatusController.Name, RateLimiters.DefaultController<ObjectKey>(time), time);
        var watches = new MemberObjectWatches(WorkStatusController.StatusHandler(queue.Add));
        var works = WorkInformer(services);
        var clusters = ControllerServiceCollectionExtensions.ClusterInformer(services);
        var controller = new WorkStatusController(
            services.GetRequiredService<KubeApiClient>(),
            works,
            clusters,
            services.GetRequiredService<IMemberClusterClients>(),
            services.GetRequiredService<MemberClusterInformers>(),
            watches,
            new ManifestResourceResolver(),
            InterpreterOf(services, time),
            loggers.CreateLogger<WorkStatusController>());
        return new WorkReconcilerHostedService(WorkStatusController.Name, controller, queue, works, clusters, watches, options.Workers, time, loggers);
    }

    private static IResourceInterpreter InterpreterOf(IServiceProvider services, TimeProvider time) =>
        services.GetService<IResourceInterpreter>() ?? ResourceInterpreter.CreateDefault(time);

    private static ILoggerFactory LoggerFactoryOf(IServiceProvider services) =>
        services.GetService<ILoggerFactory>() ?? NullLoggerFactory.Instance;
}
