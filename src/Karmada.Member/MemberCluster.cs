using System.Text.Json.Nodes;
using Karmada.ApiServer.Hosting;
using Karmada.ApiServer.Http;
using Karmada.Client;
using Karmada.Client.Controllers;
using Karmada.Client.Informers;
using Karmada.Client.Queues;
using Karmada.Member.Faults;
using Karmada.Member.Profiles;
using Karmada.Member.Simulation;
using Karmada.Storage;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Karmada.Member;

/// <summary>
/// One simulated member cluster hosted in-process: an API server on memory storage plus simulated nodes, Deployment,
/// ReplicaSet, StatefulSet, DaemonSet, Job, CronJob, endpoints and endpointslice controllers, a scheduler and kubelets, all talking to that API server through
/// <see cref="KubeApiClient"/> like real components (over its in-process loopback transport; everyone else uses HTTPS).
/// Start as many as needed in one process; dispose to stop.
/// </summary>
public sealed partial class MemberCluster : IAsyncDisposable
{
    private readonly ApiServerInstance _server;
    private readonly KubeApiClient _client;
    private readonly InformerFactory _informers;
    private readonly IReadOnlyList<IHostedService> _controllers;

    private MemberCluster(string name, ApiServerInstance server, KubeApiClient client, InformerFactory informers, IReadOnlyList<IHostedService> controllers, FaultInjector faults, IReadOnlyList<string> nodeNames)
    {
        Name = name;
        _server = server;
        _client = client;
        _informers = informers;
        _controllers = controllers;
        Faults = faults;
        NodeNames = nodeNames;
    }

    public string Name { get; }

    /// <summary>The HTTPS URL of the member's API server.</summary>
    public string Url => _server.Url;

    /// <summary>The admin kubeconfig, <c>DIR/NAME.config</c>.</summary>
    public string KubeconfigPath => _server.KubeconfigPath;

    /// <summary>The member's current faults; <see cref="FaultInjector.Set"/> changes them in-process.</summary>
    public FaultInjector Faults { get; }

    public IReadOnlyList<string> NodeNames { get; }

    /// <summary>The informers of the simulated components (tests inspect their caches).</summary>
    internal InformerFactory Informers => _informers;

    public static async Task<MemberCluster> StartAsync(MemberOptions options, ILoggerFactory loggerFactory, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(loggerFactory);
        ArgumentException.ThrowIfNullOrEmpty(options.Name);
        MemberProfileLoader.Validate(options.Profile);
        var dataDirectory = Path.GetFullPath(options.DataDirectory);
        Directory.CreateDirectory(dataDirectory);
        var time = options.TimeProvider;
        var logger = loggerFactory.CreateLogger($"Karmada.Member[{options.Name}]");
        var faults = new FaultInjector(dataDirectory, options.Name, time, logger);
        await faults.StartAsync(cancellationToken);

        var (major, minor) = MemberProfileLoader.MajorMinor(options.Profile.KubernetesVersion);
        ApiServerInstance? server = null;
        KubeApiClient? client = null;
        InformerFactory? informers = null;
        try
        {
            server = await ApiServerApplication.StartAsync(
                new ApiServerOptions
                {
                    Name = options.Name,
                    KubeconfigFileName = $"{options.Name}.config",
                    DataDirectory = dataDirectory,
                    SecurePort = options.SecurePort,
                    BindAddress = options.BindAddress,
                    Storage = new StorageOptions { Backend = StorageBackend.Memory },
                    Version = new ServerVersion(major, minor, options.Profile.KubernetesVersion),
                    ConfigurePipeline = app => app.UseFaultInjection(faults, time),
                },
                loggerFactory,
                null,
                cancellationToken);

            // The simulated components live in the server's process: they use its loopback transport (no socket, TLS
            // or HTTP/2), as kube-apiserver's own controllers do. Outside clients keep the HTTPS listener and the
            // kubeconfig; the user agent still marks these requests as the member's own, which faults never touch.
            client = new KubeApiClient(
                server.CreateLoopbackHandler(),
                new Uri(server.Url),
                new KubeApiClientOptions { UserAgent = $"{FaultInjectionMiddleware.InternalUserAgent}/{options.Name}", Qps = 0 },
                time);
            informers = new InformerFactory(client, timeProvider: time, loggerFactory: loggerFactory);
            var nodes = informers.GetInformer(SimulatedResources.Nodes);
            var pods = informers.GetInformer(SimulatedResources.Pods);
            var replicaSets = informers.GetInformer(SimulatedResources.ReplicaSets);
            var deployments = informers.GetInformer(SimulatedResources.Deployments);
            var jobs = informers.GetInformer(SimulatedResources.Jobs);
            var statefulSets = informers.GetInformer(SimulatedResources.StatefulSets);
            var revisions = informers.GetInformer(SimulatedResources.ControllerRevisions);
            var daemonSets = informers.GetInformer(SimulatedResources.DaemonSets);
            var cronJobs = informers.GetInformer(SimulatedResources.CronJobs);
            jobs.Indexer.AddIndex(JsonIndexers.OwnerUidIndex, JsonIndexers.ByOwnerUid);
            var services = informers.GetInformer(SimulatedResources.Services);
            var endpoints = informers.GetInformer(SimulatedResources.Endpoints);
            var endpointSlices = informers.GetInformer(SimulatedResources.EndpointSlices);
            pods.Indexer.AddIndex(JsonIndexers.NamespaceIndex, JsonIndexers.ByNamespace);
            services.Indexer.AddIndex(JsonIndexers.NamespaceIndex, JsonIndexers.ByNamespace);
            pods.Indexer.AddIndex(JsonIndexers.OwnerUidIndex, JsonIndexers.ByOwnerUid);
            replicaSets.Indexer.AddIndex(JsonIndexers.OwnerUidIndex, JsonIndexers.ByOwnerUid);
            revisions.Indexer.AddIndex(JsonIndexers.OwnerUidIndex, JsonIndexers.ByOwnerUid);

            var profile = options.Profile;
            var nodeController = new NodeController(client, nodes, options.Name, profile, faults, time, logger);
            var scheduler = new SchedulerController(client, pods, nodes, time, logger);
            var kubelet = new KubeletController(
                client, pods, nodes, TimeSpan.FromMilliseconds(profile.PodStartupMilliseconds), TimeSpan.FromMilliseconds(profile.JobPodRunMilliseconds),
                TimeSpan.FromMilliseconds(profile.PodTerminationMilliseconds), time, logger);
            var replicaSetController = new ReplicaSetController(client, replicaSets, pods, time);
            var deploymentController = new DeploymentController(client, deployments, replicaSets, time);
            var jobController = new JobController(client, jobs, pods, time);
            var statefulSetController = new StatefulSetController(client, statefulSets, pods, revisions);
            var daemonSetController = new DaemonSetController(client, daemonSets, pods, nodes, revisions, time);
            var cronJobController = new CronJobController(client, cronJobs, jobs, time, logger);
            var endpointsController = new EndpointsController(client, services, pods, endpoints);
            var endpointSliceController = new EndpointSliceController(client, services, pods, endpointSlices, nodes);
            var synced = new ISharedInformer[] { nodes, pods, replicaSets, deployments, jobs, statefulSets, revisions, daemonSets, cronJobs, services, endpoints, endpointSlices };
            var controllers = new List<IHostedService>
            {
                Run(NodeController.Name, nodeController, nodeController.Register, 1),
                Run(SchedulerController.Name, scheduler, scheduler.Register, 1),
                Run(KubeletController.Name, kubelet, kubelet.Register, 4),
                Run(ReplicaSetController.Name, replicaSetController, replicaSetController.Register, 2),
                Run(DeploymentController.Name, deploymentController, deploymentController.Register, 2),
                Run(JobController.Name, jobController, jobController.Register, 2),
                Run(StatefulSetController.Name, statefulSetController, statefulSetController.Register, 2),
                Run(DaemonSetController.Name, daemonSetController, daemonSetController.Register, 2),
                Run(CronJobController.Name, cronJobController, cronJobController.Register, 1),
                Run(EndpointsController.Name, endpointsController, endpointsController.Register, 2),
                Run(EndpointSliceController.Name, endpointSliceController, endpointSliceController.Register, 2),
            };
            await informers.StartAsync(cancellationToken);
            foreach (var controller in controllers)
            {
                await controller.StartAsync(cancellationToken);
            }

            var member = new MemberCluster(options.Name, server, client, informers, controllers, faults, nodeController.NodeNames);
            await informers.WaitForCacheSyncAsync(cancellationToken);
            await member.WaitForNodesAsync(cancellationToken);
            LogStarted(logger, options.Name, server.Url, profile.Nodes);
            return member;

            IHostedService Run(string name, IReconciler<ObjectKey> reconciler, Action<WorkQueue<ObjectKey>> register, int workers)
            {
                var queue = new WorkQueue<ObjectKey>($"{options.Name}-{name}", time);
                register(queue);
                return new Controller<ObjectKey>(
                    name,
                    reconciler,
                    queue,
                    Options.Create(new ControllerOptions { Workers = workers }),
                    loggerFactory.CreateLogger<Controller<ObjectKey>>(),
                    synced,
                    time);
            }
        }
        catch
        {
            if (informers is not null)
            {
                await informers.DisposeAsync();
            }

            client?.Dispose();
            if (server is not null)
            {
                await server.DisposeAsync();
            }

            await faults.DisposeAsync();
            throw;
        }
    }

    /// <summary>Waits until every simulated node exists and reports Ready (as configured by the faults).</summary>
    public async Task WaitForNodesAsync(CancellationToken cancellationToken)
    {
        var nodes = _informers.GetInformer(SimulatedResources.Nodes);
        var tcs = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        void Check(JsonObject _)
        {
            var present = NodeNames.Count(n => nodes.Indexer.Get(n) is { } node && JsonRead.Obj(node, "status", "nodeInfo") is not null);
            if (present == NodeNames.Count)
            {
                tcs.TrySetResult();
            }
        }

        using var registration = nodes.AddEventHandler(onAdd: Check, onUpdate: (_, n) => Check(n));
        if (NodeNames.Count == 0)
        {
            tcs.TrySetResult();
        }

        await tcs.Task.WaitAsync(cancellationToken);
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var controller in _controllers)
        {
            await controller.StopAsync(CancellationToken.None);
            (controller as IDisposable)?.Dispose();
        }

        await _informers.DisposeAsync();
        _client.Dispose();
        await _server.DisposeAsync();
        await Faults.DisposeAsync();
    }

    // Event ids 8900-8999: member host. Next free id: 8901.
    [LoggerMessage(8900, LogLevel.Information, "Member {Member} serving on {Url} with {Nodes} nodes")]
    private static partial void LogStarted(ILogger logger, string member, string url, int nodes);
}
