using System.Runtime.CompilerServices;
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
/// <see cref="IResourceInterpreter"/> when one is registered, else the built-in one; the clusters served are the
/// registered <see cref="IExecutionClusters"/> (a Pull agent registers its own), else every Push cluster.
/// </summary>
public static class ExecutionControllerFactory
{
    /// <summary>The process-wide Work informer.</summary>
    public static SharedInformer<WorkV1Alpha1.Work> WorkInformer(IServiceProvider services) =>
        services.GetRequiredService<InformerFactory>().GetInformer(WorkMeta.Resource, WorkMeta.TypeInfo, WorkMeta.Accessor);

    /// <summary>The Work informer of the served execution namespace (all of them for the controller-manager).</summary>
    public static SharedInformer<WorkV1Alpha1.Work> WorkInformer(IServiceProvider services, IExecutionClusters targets)
    {
        ArgumentNullException.ThrowIfNull(targets);
        return targets.WorkNamespace is null
            ? WorkInformer(services)
            : services.GetRequiredService<InformerFactory>().GetInformer(WorkMeta.Resource, WorkMeta.TypeInfo, WorkMeta.Accessor, new InformerScope(targets.WorkNamespace));
    }

    /// <summary>The registered <see cref="IExecutionClusters"/>, else every Push cluster.</summary>
    public static IExecutionClusters TargetsOf(IServiceProvider services) =>
        services.GetService<IExecutionClusters>() ?? new PushExecutionClusters(services.GetRequiredService<IMemberClusterClients>());

    public static IHostedService CreateExecution(IServiceProvider services, ControllerManagerOptions options)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(options);
        var (time, loggers) = (services.GetRequiredService<TimeProvider>(), LoggerFactoryOf(services));
        var queue = new WorkQueue<ObjectKey>(ExecutionController.Name, RateLimiters.DefaultController<ObjectKey>(time), time);
        var applied = AppliedRecordsOf(services);
        var watches = new MemberObjectWatches(ExecutionController.DriftHandler(queue.Add, applied));
        var targets = TargetsOf(services);
        var works = WorkInformer(services, targets);
        var clusters = ControllerServiceCollectionExtensions.ClusterInformer(services);
        var controller = new ExecutionController(
            services.GetRequiredService<KubeApiClient>(),
            works,
            clusters,
            targets,
            services.GetRequiredService<MemberClusterInformers>(),
            watches,
            ResolverOf(services),
            applied,
            InterpreterOf(services, time),
            time,
            loggers.CreateLogger<ExecutionController>());
        return new WorkReconcilerHostedService(ExecutionController.Name, controller, queue, works, clusters, watches, options.WorkersFor(options.ConcurrentWorkSyncs), time, loggers);
    }

    public static IHostedService CreateWorkStatus(IServiceProvider services, ControllerManagerOptions options)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(options);
        var (time, loggers) = (services.GetRequiredService<TimeProvider>(), LoggerFactoryOf(services));
        var queue = new WorkQueue<ObjectKey>(WorkStatusController.Name, RateLimiters.DefaultController<ObjectKey>(time), time);
        var watches = new MemberObjectWatches(WorkStatusController.StatusHandler(queue.Add, AppliedRecordsOf(services)));
        var targets = TargetsOf(services);
        var works = WorkInformer(services, targets);
        var clusters = ControllerServiceCollectionExtensions.ClusterInformer(services);
        var controller = new WorkStatusController(
            services.GetRequiredService<KubeApiClient>(),
            works,
            clusters,
            targets,
            services.GetRequiredService<MemberClusterInformers>(),
            watches,
            ResolverOf(services),
            InterpreterOf(services, time),
            time,
            loggers.CreateLogger<WorkStatusController>(),
            options.WorkStatusWriteInterval);
        return new WorkReconcilerHostedService(WorkStatusController.Name, controller, queue, works, clusters, watches, options.WorkersFor(options.ConcurrentWorkSyncs), time, loggers);
    }

    /// <summary>
    /// The execution controller's records of what it wrote, shared with the workStatus controller of the same
    /// process (it skips the echoes of creates, whose status the execution controller reflects itself).
    /// </summary>
    public static AppliedVersionRecords AppliedRecordsOf(IServiceProvider services)
    {
        ArgumentNullException.ThrowIfNull(services);
        return services.GetService<AppliedVersionRecords>() ?? SharedRecords.GetValue(services, _ => new AppliedVersionRecords());
    }

    private static readonly ConditionalWeakTable<IServiceProvider, AppliedVersionRecords> SharedRecords = [];

    /// <summary>The process's one resolver, shared by the execution and workStatus controllers (one discovery request per member and kind).</summary>
    public static ManifestResourceResolver ResolverOf(IServiceProvider services)
    {
        ArgumentNullException.ThrowIfNull(services);
        return services.GetService<ManifestResourceResolver>() ?? SharedResolvers.GetValue(services, _ => new ManifestResourceResolver());
    }

    private static readonly ConditionalWeakTable<IServiceProvider, ManifestResourceResolver> SharedResolvers = [];

    private static IResourceInterpreter InterpreterOf(IServiceProvider services, TimeProvider time) =>
        services.GetService<IResourceInterpreter>() ?? ResourceInterpreter.CreateDefault(time);

    private static ILoggerFactory LoggerFactoryOf(IServiceProvider services) =>
        services.GetService<ILoggerFactory>() ?? NullLoggerFactory.Instance;
}
